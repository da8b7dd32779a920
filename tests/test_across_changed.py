"""A rebuild's check across releases looks only at the nodes some release now says something else about
(migkg.validation.across._changed_nodes): the others keep the last build's result without their signature being
computed again. tests/test_across_releases.py holds the whole check to a cold build's report; here, what is looked at."""
from __future__ import annotations

import hashlib

import pyoxigraph as ox
from rdflib import Graph

from migkg.validation.across import KEPT_FROM, AcrossState, NodeCheck, _changed_nodes, check_across

EVENT, PROCESS, PLACE = ("https://w3id.org/migkg/event/e", "https://w3id.org/migkg/process/p",
                         "https://w3id.org/migkg/place/x")


class Validator:
    """Records the nodes it is asked to validate; finds nothing."""

    shapes = Graph()
    release_prefix = "https://w3id.org/migkg/release/"

    def __init__(self) -> None:
        self.asked: list[list[str]] = []

    def release_graph(self, release_id: str) -> str:
        return f"{self.release_prefix}{release_id}/graph"

    def validate_shared(self, triples, nodes):
        self.asked.append(sorted(node.value for node in nodes))
        return []


def last_build() -> tuple[list[tuple[str, dict[str, bytes]]], AcrossState]:
    """Three releases: r1 and r2 describe the event, r2 and r3 the process; the last build's state of both nodes
    carries a signature that the check would not compute (so a node whose signature is computed is checked anew)."""
    described = [("r1", {EVENT: b"1e"}), ("r2", {EVENT: b"2e", PROCESS: b"2p"}), ("r3", {PROCESS: b"3p"})]
    state = AcrossState(releases={rid: (f"key-{rid}", dict(digests)) for rid, digests in described},
                        nodes={node: NodeCheck(b"not computed", frozenset(), f"<{node}>", [], [])
                               for node in (EVENT, PROCESS)})
    return described, state


def no_groups(release_id: str) -> dict[str, list]:
    return {EVENT: [], PROCESS: []}


def test_nothing_said_differently_checks_nothing_and_computes_no_signature():
    described, previous = last_build()
    validator = Validator()
    _across, state = check_across(validator, described, no_groups, list, previous)
    assert validator.asked == []
    assert state.nodes == previous.nodes


def test_a_release_that_says_something_else_gets_its_nodes_checked_and_only_those():
    described, previous = last_build()
    described[2] = ("r3", {PROCESS: b"3p, changed"})
    validator = Validator()
    _across, state = check_across(validator, described, no_groups, list, previous)
    assert validator.asked == [[PROCESS]]
    assert state.nodes[EVENT] is previous.nodes[EVENT]
    assert state.nodes[PROCESS].signature != b"not computed"


def test_the_changed_nodes_are_those_of_releases_that_came_went_or_changed():
    before = {"r1": ("k1", {EVENT: b"1"}), "r2": ("k2", {PROCESS: b"2", PLACE: b"2x"}), "r3": ("k3", {PLACE: b"3"})}
    same = [("r1", {EVENT: b"1"}), ("r2", {PROCESS: b"2", PLACE: b"2x"}), ("r3", {PLACE: b"3"})]
    assert _changed_nodes(same, before) == set()
    assert _changed_nodes(same, {}) is None  # nothing known: every signature is computed
    # r2 no longer says anything of the place; r3 is gone; r4 came
    assert _changed_nodes([("r1", {EVENT: b"1"}), ("r2", {PROCESS: b"2"}), ("r4", {EVENT: b"4"})],
                          before) == {PROCESS, PLACE, EVENT}
    # a release rebuilt (another key) that says the same changes nothing
    assert _changed_nodes(same, {**before, "r1": ("k1, rebuilt", {EVENT: b"1"})}) == set()


# --------------------------------------------------------------------------- a much-described node's kept groups
class Recorder(Validator):
    """Records the triples it is given as well."""

    def __init__(self) -> None:
        super().__init__()
        self.given: list[set] = []

    def validate_shared(self, triples, nodes):
        self.given.append(set(triples))
        return super().validate_shared(triples, nodes)


class Kept:
    """A KeptGroups in memory, counting what is saved."""

    def __init__(self) -> None:
        self.groups: dict[str, dict] = {}
        self.saved: list[str] = []

    def load(self, node):
        return dict(self.groups.get(node, {}))

    def save(self, node, groups):
        self.saved.append(node)
        self.groups[node] = dict(groups)


def process_corpus(n: int, changed: int | None = None):
    """``n`` releases that each describe the process (naming their own event) and their event."""
    has_meeting, a, meeting = (ox.NamedNode(f"https://w3id.org/migkg/vocab#{name}") for name in
                               ("hasMeeting", "type", "Meeting"))
    process = ox.NamedNode(PROCESS)
    groups: dict[str, dict[str, list]] = {}
    for i in range(n):
        event = ox.NamedNode(f"{EVENT}{i}")
        label = ox.Literal("changed" if i == changed else "same")
        groups[f"r{i:02d}"] = {PROCESS: [(process, has_meeting, event), (process, a, ox.NamedNode(PROCESS + "#P")),
                                         (event, a, meeting), (event, has_meeting, label)],
                               event.value: [(event, a, meeting)]}
    described = [(rid, {node: hashlib.sha256(repr(g).encode()).digest() for node, g in gs.items()})
                 for rid, gs in groups.items()]
    return groups, described


def test_a_much_described_node_is_checked_again_on_its_kept_groups_and_the_changed_release_read():
    """A node of KEPT_FROM describers or more keeps the groups its check read; checked again after one release
    changed what it says of it, it reads only that release, and is checked on the same triples as a check that
    reads every release."""
    n = KEPT_FROM + 3
    groups, described = process_corpus(n)
    kept, reads = Kept(), []

    def read(rid):
        reads.append(rid)
        return groups[rid]

    _across, first = check_across(Recorder(), described, read, list, AcrossState(), kept)
    assert kept.saved == [PROCESS] and len(kept.groups[PROCESS]) == 2 * n  # its describers' groups and its events'
    assert len(set(reads)) == n

    changed_groups, changed = process_corpus(n, changed=7)
    first.releases = {rid: ("key", d) for rid, d in described}
    reads.clear()
    validator, reference = Recorder(), Recorder()
    check_across(validator, changed, lambda rid: reads.append(rid) or changed_groups[rid], list, first, kept)
    check_across(reference, changed, changed_groups.__getitem__, list, first)
    assert reads == ["r07"]
    assert validator.asked == reference.asked == [[PROCESS]] and validator.given == reference.given
    assert kept.saved == [PROCESS, PROCESS]  # kept again, with r07's new group


def test_a_kept_group_whose_release_says_something_else_now_is_not_used():
    groups, described = process_corpus(KEPT_FROM)
    kept = Kept()
    check_across(Recorder(), described, groups.__getitem__, list, AcrossState(), kept)
    # the kept group of r03 altered: its digest is still the old one, so it would be wrong to use it
    changed_groups, changed = process_corpus(KEPT_FROM, changed=3)
    stale = kept.groups[PROCESS][("r03", PROCESS)]
    kept.groups[PROCESS][("r03", PROCESS)] = (stale[0], [("not", "what", "r03 says")])
    validator, reference = Recorder(), Recorder()
    check_across(validator, changed, changed_groups.__getitem__, list, AcrossState(), kept)
    check_across(reference, changed, changed_groups.__getitem__, list, AcrossState())
    assert validator.given == reference.given


def test_a_node_of_few_describers_keeps_nothing():
    groups, described = process_corpus(KEPT_FROM - 1)
    kept = Kept()
    check_across(Recorder(), described, groups.__getitem__, list, AcrossState(), kept)
    assert kept.saved == []
