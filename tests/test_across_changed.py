"""A rebuild's check across releases looks only at the nodes some release now says something else about
(migkg.validation.across._changed_nodes): the others keep the last build's result without their signature being
computed again. tests/test_across_releases.py holds the whole check to a cold build's report; here, what is looked at."""
from __future__ import annotations

from rdflib import Graph

from migkg.validation.across import AcrossState, NodeCheck, _changed_nodes, check_across

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
