"""What only the releases together show: nodes that several releases describe are checked on all of them.

Each release is validated with the registry and the vocabulary beside it; a process or an event
that several releases describe is validated again on what all of them say (migkg.validation.across.check_across),
so the build reports what validating the whole graph at once reports. Two releases that say a
process was launched at two different events are a violation naming both, and fail the build.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef

from migkg import synthetic
from migkg.build.corpus import build_corpus
from migkg.build.pipeline import Toolkit, build_dataset
from migkg.mapping.terms import to_rdflib
from migkg.validation.reports import validate_graph
from tests.shape_cases import LACKING_SHAPE

ROOT = Path(__file__).resolve().parents[1]

#: enough for what the tests need (each test asserts it): a process named by two releases of different years, of
#: which one says it was launched; an event reported by two releases alone; nodes several releases describe. Every
#: release more costs a pyshacl run where the whole graph is validated for reference (the registry, ~7,500 triples,
#: is the same size whatever the count)
RELEASES = 16
#: a processes entry of a synthetic card: with its launch (block style), or without (flow style, one line, or block
#: style where the release says more of the process: its chair, its members...)
LAUNCHED = re.compile(r"^  - id: (?P<process>[a-z-]+)\n    kind: [^\n]*\n    launched_at:", re.M)
NOT_LAUNCHED = (re.compile(r"^  - \{id: (?P<process>[a-z-]+), kind: (?P<kind>\{kind: regional-consultative-process, "
                           r"evidence: [^}\n]+\})\}$", re.M),
                re.compile(r"^  - id: (?P<process>[a-z-]+)\n    kind: (?P<kind>\{kind: regional-consultative-process, "
                           r"evidence: [^}\n]+\})$(?!\n    launched_at)", re.M))
EVENT_ID = re.compile(r"^events:\n  - id: (?P<event>\S+)$", re.M)


def said(issues) -> list[tuple]:
    return sorted((i.severity, i.focus, i.path, i.message, i.shape, i.value) for i in issues)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return synthetic.generate(tmp_path_factory.mktemp("across") / "data", RELEASES, seed=0)


def launch_twice(data: Path) -> tuple[str, str, str]:
    """Make a second release say that a process another release says was launched elsewhere was launched
    at its own event; returns (process, the release that launched it first, the one that now does too)."""
    cards = {path.parent.name: path for path in sorted((data / "releases").glob("*/card.yaml"))}
    launched = {m["process"]: rid for rid, path in cards.items()
                for m in LAUNCHED.finditer(path.read_text(encoding="utf-8"))}
    for rid, path in cards.items():
        text = path.read_text(encoding="utf-8")
        for match in (m for pattern in NOT_LAUNCHED for m in pattern.finditer(text)):
            first = launched.get(match["process"])
            event = EVENT_ID.search(text)["event"]
            if first and first != rid:
                entry = (f"  - id: {match['process']}\n    kind: {match['kind']}\n"
                         f"    launched_at: {{event: {event}, evidence: {match['kind'].split('evidence: ')[1][:-1]}}}")
                path.write_text(text[:match.start()] + entry + text[match.end():], encoding="utf-8")
                return match["process"], first, rid
    raise AssertionError("the synthetic corpus has no process named by two releases")


def whole_graph_issues(result) -> list[tuple]:
    union = Graph()
    for graph in result.graphs.values():
        union += graph
    return said(validate_graph(union, result.toolkit.shapes).issues)


def test_releases_that_agree_pass_and_their_shared_nodes_are_checked_together(corpus: Path, toolkit: Toolkit):
    result = build_dataset(corpus, toolkit)
    assert not result.report.violations
    assert said(result.report.issues) == whole_graph_issues(result)
    # the corpus does hold nodes that several releases describe (an event reported twice, a process)
    from migkg.build.workbench import Workbench
    from migkg.cards.registry import registry_files, registry_from_files

    bench = Workbench(toolkit, registry_from_files(registry_files(corpus / "registry")))
    built = [bench.build(folder, (folder / "card.yaml").read_bytes(), (folder / "source.txt").read_bytes())
             for folder in sorted((corpus / "releases").iterdir())]
    across = bench.check_across([(b.release_id, b.shared) for b in built])
    assert len(across.nodes) >= 5
    assert any("/process/" in node for node in across.nodes) and any("/event/" in node for node in across.nodes)


def test_a_process_launched_at_two_events_is_a_violation_naming_both_releases(data: Path, toolkit: Toolkit):
    process, first, second = launch_twice(data)
    result = build_dataset(data, toolkit)
    violations = [i for i in result.report.violations if i.focus.endswith(f"/process/{process}>")]
    assert [(v.path, v.shape) for v in violations] == [("mig:launchedAt", "migsh:RegionalConsultativeProcess-launch")]
    assert first in violations[0].graph and second in violations[0].graph
    assert said(result.report.issues) == whole_graph_issues(result)


def test_the_command_line_fails_names_both_releases_and_writes_nothing(data: Path, tmp_path: Path, run_migkg):
    out = tmp_path / "build"
    cache = tmp_path / "cache"
    done = run_migkg("build", "--data", data, "--out", out, "--cache", cache)
    assert done.returncode == 0, done.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    process, first, second = launch_twice(data)  # changed after a good build: the cached check must not hide it
    for extra in ((), ("--keep-going",)):
        done = run_migkg("build", "--data", data, "--out", out, "--cache", cache, *extra)
        assert done.returncode != 0
        text = done.stdout + done.stderr
        assert f"/process/{process}> mig:launchedAt" in text
        # stated by two cards, so no one card's line: the line starts at the node
        assert re.search(rf"^Violation: <[^>]*/process/{process}> mig:launchedAt", text, re.M), text[-2000:]
        assert re.search(rf"found across releases: stated by [^\]]*{first}", text)
        assert re.search(rf"found across releases: stated by [^\]]*{second}", text)
        assert "violation(s) found across releases" in text and "nothing was written" in text
        assert "Traceback" not in text
        assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_with_shapes_the_compiled_engine_lacks_pyshacl_finds_the_same_across_releases(data: Path, tmp_path: Path,
                                                                                       toolkit: Toolkit):
    _process, first, second = launch_twice(data)
    # pyshacl is slow: a few releases, those that share a node: the process launched twice, and an event that two
    # releases report (the pyshacl fallback checks both across releases)
    keep = {first, second} | {folder.name for folder in reported_twice(data)}
    for folder in sorted((data / "releases").iterdir()):
        if folder.name not in keep:
            shutil.rmtree(folder)
    ontology = Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
    shapes = ontology / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8") + LACKING_SHAPE, encoding="utf-8")
    fallback = Toolkit.load(ontology=ontology)
    assert fallback.engine == "pyshacl"
    by_pyshacl = build_dataset(data, fallback).report.issues
    assert any(i.path == "mig:launchedAt" for i in by_pyshacl)
    assert said(by_pyshacl) == said(build_dataset(data, toolkit).report.issues)


def miscall_a_process(data: Path) -> tuple[str, str]:
    """Make one release call a process that other releases describe too an event (a kind it is not): a
    violation on a node several releases describe, that this release alone causes. (process, release)"""
    for path in sorted((data / "releases").glob("*/card.yaml")):
        text = path.read_text(encoding="utf-8")
        match = next((m for pattern in NOT_LAUNCHED for m in pattern.finditer(text)), None)
        if match:
            wrong = match["kind"].replace("regional-consultative-process", "ministerial-conference")
            path.write_text(text[:match.start("kind")] + wrong + text[match.end("kind"):], encoding="utf-8")
            return match["process"], path.parent.name
    raise AssertionError("the synthetic corpus names no process")


def corpus_issues(data: Path, tmp_path: Path, toolkit: Toolkit, keep_going: bool):
    summary = build_corpus(data, None, toolkit, cache_dir=tmp_path / f"cache-{keep_going}",
                           keep_going=keep_going)
    return summary, said(summary.report.issues)


@pytest.mark.parametrize("keep_going", [False, True], ids=["stop", "keep-going"])
def test_the_streaming_build_reports_what_whole_graph_validation_reports(data: Path, tmp_path: Path,
                                                                          toolkit: Toolkit, keep_going: bool):
    """`migkg build` (build_corpus) on a disagreement between releases, and on one release's mistake about a
    shared node: without --keep-going, the report of the whole graph; with it, the mistaken release is left
    out and named, and the rest is checked as it would be published."""
    _process, first, second = launch_twice(data)
    process, wrong = miscall_a_process(data)
    summary, issues = corpus_issues(data, tmp_path, toolkit, keep_going)
    assert summary.error is not None and summary.across_violations
    if not keep_going:
        assert issues == whole_graph_issues(build_dataset(data, toolkit))
        assert sum(1 for i in summary.report.violations if i.focus.endswith(f"/process/{process}>")
                   and i.path == "schema:name") == 1
    else:
        assert [o.release_id for o in summary.left_out] == [wrong]
        assert any(i.focus.endswith(f"/process/{process}>") and i.path == "schema:name"
                   and wrong in i.graph for i in summary.report.violations)
        launches = [i for i in summary.report.violations if i.path == "mig:launchedAt"]
        assert launches and first in launches[0].graph and second in launches[0].graph
    assert len(summary.report._results) == len(summary.report.issues)


def alone(corpus: Path) -> list[Path]:
    """The releases that report one event alone (not also a meeting held as part of it, which has no
    participations of its own): those whose participations the test shapes below count."""
    return [folder for folder in sorted((corpus / "releases").iterdir())
            if "\n    part_of:" not in (folder / "card.yaml").read_text(encoding="utf-8")]


def reported_twice(corpus: Path) -> list[Path]:
    """The first event that two or more releases report alone: those releases."""
    events: dict[str, list[Path]] = {}
    for folder in alone(corpus):
        events.setdefault(EVENT_ID.search((folder / "card.yaml").read_text(encoding="utf-8"))["event"], []).append(folder)
    return next(folders for folders in events.values() if len(folders) > 1)


def event_participations_shape(name: str, at_least: int, severity: str = "Violation") -> str:
    """A test shape read backwards (``sh:inversePath``): at least ``at_least`` participations name each event."""
    return f"""
migsh:{name}
    a sh:NodeShape ;
    sh:targetClass schema:Event ;
    rdfs:label "Event: participations (a test shape, read backwards)"@en ;
    rdfs:comment "At least {at_least} mig:Participation name the event."@en ;
    sh:property migsh:{name}-min .

migsh:{name}-min
    a sh:PropertyShape ;
    rdfs:label "Event: at least {at_least} participation(s)"@en ;
    rdfs:comment "At least {at_least} mig:event pointing at the event."@en ;
    sh:path [ sh:inversePath mig:event ] ;
    sh:minCount {at_least} ;
    sh:severity sh:{severity} ;
    sh:message "An event has at least {at_least} participation(s)." .
"""


@pytest.mark.parametrize("fallback", [False, True], ids=["compiled", "pyshacl"])
def test_a_shape_read_backwards_sees_what_every_release_points_at_a_shared_node(corpus: Path, tmp_path: Path,
                                                                                 fallback: bool):
    data = tmp_path / "data"
    shutil.copytree(corpus / "registry", data / "registry")
    for folder in reported_twice(corpus) + alone(corpus)[:2]:  # the shared event, and events of one release
        if not (data / "releases" / folder.name).exists():
            shutil.copytree(folder, data / "releases" / folder.name)
    ontology = Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
    shapes = ontology / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8") + event_participations_shape("EventParticipations", 1)
                      + (LACKING_SHAPE if fallback else ""),
                      encoding="utf-8")
    toolkit = Toolkit.load(ontology=ontology)
    assert toolkit.engine == ("pyshacl" if fallback else "compiled")
    result = build_dataset(data, toolkit)
    assert not any(i.shape == "migsh:EventParticipations-min" for i in result.report.issues)
    assert said(result.report.issues) == whole_graph_issues(result)


def test_a_rebuild_checks_anew_only_the_nodes_whose_statements_changed(data: Path, tmp_path: Path,
                                                                        toolkit: Toolkit):
    """The check across releases keeps what the last build found for nodes no changed card is about; a
    disagreement a changed card brings, and its mending, are reported as a cold build reports them."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    before = build_corpus(data, out, toolkit, cache_dir=cache)
    assert before.error is None and before.built == RELEASES
    everything = before.across_checked_anew
    assert everything > 10
    originals = {p: p.read_bytes() for p in (data / "releases").glob("*/card.yaml")}
    _process, _first, second = launch_twice(data)
    changed = build_corpus(data, out, toolkit, cache_dir=cache)
    cold = build_corpus(data, None, toolkit, cache_dir=tmp_path / "cold")
    assert cold.across_checked_anew > everything / 4  # a cold build checks every shared node
    assert (changed.built, changed.reused) == (1, RELEASES - 1)
    assert changed.across_violations and changed.error is not None
    assert said(changed.report.issues) == said(cold.report.issues)
    assert 0 < changed.across_checked_anew < everything / 4  # the warm build: the nodes the changed card is about
    (data / "releases" / second / "card.yaml").write_bytes(originals[data / "releases" / second / "card.yaml"])
    mended = build_corpus(data, out, toolkit, cache_dir=cache)
    assert mended.error is None and said(mended.report.issues) == said(before.report.issues)
    assert 0 < mended.across_checked_anew < everything / 4


def test_a_node_is_checked_anew_even_when_its_other_describers_entries_are_gone(data: Path, tmp_path: Path,
                                                                                toolkit: Toolkit):
    """The releases of a kept part are read for the check across releases from their cache entries; when
    those were removed, they are built again for it, and the report is a cold build's."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    assert build_corpus(data, out, toolkit, cache_dir=cache).error is None
    for entry in (cache / "releases").iterdir():
        entry.unlink()
    _process, first, second = launch_twice(data)
    changed = build_corpus(data, out, toolkit, cache_dir=cache, workers=1)
    cold = build_corpus(data, None, toolkit, cache_dir=tmp_path / "cold")
    assert changed.across_violations and said(changed.report.issues) == said(cold.report.issues)
    assert first[:4] != second[:4]  # the first launch is in another year's part, kept from the last build;
    assert first in changed.rebuilt_for_across  # its release was built again for the check, not for the outputs


def two_reports_of_one_event(tmp_path: Path, corpus: Path, severity: str) -> tuple[Path, Toolkit, list[str], str]:
    """Two releases that report the same event, alone in a corpus and in two years; and shapes that want
    more participations at an event than either release lists, but no more than both do.
    Returns (data, toolkit, the two release ids, the event's id)."""
    by_event: dict[str, list[Path]] = {}
    for folder in alone(corpus):
        event = EVENT_ID.search((folder / "card.yaml").read_text(encoding="utf-8"))["event"]
        by_event.setdefault(event, []).append(folder)
    event, folders = next((e, f) for e, f in by_event.items() if len(f) == 2)
    data = tmp_path / "data"
    shutil.copytree(corpus / "registry", data / "registry")
    shutil.copytree(folders[0], data / "releases" / folders[0].name)
    # the second under an id of the next year, so that the two are in different dump parts
    later = f"{int(folders[1].name[:4]) + 1}{folders[1].name[4:]}"
    shutil.copytree(folders[1], data / "releases" / later)
    card = data / "releases" / later / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace(folders[1].name, later), encoding="utf-8")
    folders = sorted((data / "releases").iterdir())
    result = build_dataset(data)
    listed = [sum(1 for _ in result.graphs[to_rdflib(result.toolkit.iris.release_graph(f.name))].subjects(
        URIRef("https://w3id.org/migkg/ontology#event"), URIRef(f"https://w3id.org/migkg/event/{event}")))
        for f in folders]
    ontology = Path(shutil.copytree(ROOT / "ontology", tmp_path / "ontology"))
    shapes = ontology / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8")
                      + event_participations_shape("EventWellAttended", max(listed) + 1, severity), encoding="utf-8")
    assert max(listed) + 1 <= sum(listed)
    return data, Toolkit.load(ontology=ontology), [f.name for f in folders], event


def test_a_kept_part_reports_its_own_warning_again_once_its_node_is_no_longer_shared(corpus: Path, tmp_path: Path):
    """A release's warning that the other release's data answered is not reported while both describe the
    node; when the other is withdrawn, a rebuild that keeps the first release's part reports the warning
    again, as a cold build does."""
    data, toolkit, (first, second), _event = two_reports_of_one_event(tmp_path, corpus, "Warning")
    cache, out = tmp_path / "cache", tmp_path / "out"
    before = build_corpus(data, out, toolkit, cache_dir=cache)
    assert before.error is None
    assert not any(i.shape == "migsh:EventWellAttended-min" for i in before.report.issues)
    shutil.rmtree(data / "releases" / second)  # withdrawn: the event is the first release's alone
    rebuilt = build_corpus(data, out, toolkit, cache_dir=cache)
    cold = build_corpus(data, None, toolkit, cache_dir=tmp_path / "cold")
    assert first[:4] in rebuilt.parts_kept
    assert said(rebuilt.report.issues) == said(cold.report.issues)
    assert any(i.shape == "migsh:EventWellAttended-min" and first in i.graph for i in rebuilt.report.issues)


def test_a_release_that_violates_alone_but_not_with_the_others_is_written(corpus: Path, tmp_path: Path):
    """Each release alone lists too few participations for the shapes; together they list enough. The build
    succeeds (as validating the whole graph would) and writes both releases."""
    from migkg.build.dumps import dump_files
    from migkg.mapping.terms import quads

    data, toolkit, releases, _event = two_reports_of_one_event(tmp_path, corpus, "Violation")
    out = tmp_path / "out"
    summary = build_corpus(data, out, toolkit, cache_dir=tmp_path / "cache", workers=1)
    assert summary.error is None and not summary.left_out, summary.error
    written = {q for path in dump_files(out, "nq") for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}
    assert written == set(quads(build_dataset(data, toolkit).graphs))
    assert all(any(rid in q.graph_name.value for q in written) for rid in releases)
