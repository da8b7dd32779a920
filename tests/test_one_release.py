"""`migkg validate --release ID`: one release checked, with the checks across releases that can name it.

Each check compares with a whole-corpus validation of the same data: the release's issues are those
of the whole report whose graph (or one of the graphs an issue found across releases names) is the
release's. On the domain test corpus (which holds a cross-release conflict: one meeting given two
dates) and on an edited copy (an event renamed in one card, so that two ids of one meeting appear and
the date conflict goes), where the other card's change must be seen through the corpus index.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from migkg.build import stamps
from migkg.build.corpus import stream
from migkg.build.toolkit import Toolkit
from migkg.curation.corpus_index import INDEX_ENTRY, SPLIT_ENTRY
from migkg.curation.one_release import check_release
from migkg.errors import InputError
from migkg.validation.reports import Issue, readable

DOMAIN = Path(__file__).resolve().parent / "fixtures" / "domain"
ASHGABAT_IOM = "2017-11-02-iom-ashgabat-senior-officials"
ASHGABAT_KABAR = "2017-11-04-kabar-ashgabat-senior-officials"
MEETING = "2017-11-ashgabat-third-senior-officials"
RACY_WINDOW = stamps.RACY_NS  # as the library sets it (the tests below set it to 0)


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch):
    """The files a test copied a moment ago trusted by the next check, as files older than the racy window of
    migkg.build.stamps are (its own test puts the window back)."""
    monkeypatch.setattr(stamps, "RACY_NS", 0)


@pytest.fixture
def domain(tmp_path: Path) -> Path:
    return Path(shutil.copytree(DOMAIN, tmp_path / "data"))


def whole(data: Path, toolkit: Toolkit, cache: Path) -> list[Issue]:
    """The issues of a whole-corpus validation (what `migkg validate` prints), with a cache of its own."""
    summary, _registry = stream(data, toolkit, lambda _cache, _keep: None, cache_dir=cache, workers=1)
    assert summary.error is None or not summary.failed, summary.error
    return summary.report.issues


def of_release(issues: list[Issue], toolkit: Toolkit, release_id: str) -> list[Issue]:
    graph = toolkit.iris.release_graph(release_id).value
    return [i for i in issues if graph in i.graph.split()]


def test_each_release_gets_what_the_whole_validation_reports_for_it(domain, toolkit, tmp_path):
    issues = whole(domain, toolkit, tmp_path / "cache")
    assert any("two releases give it different dates" in i.message for i in issues)  # the corpus's conflict
    for folder in sorted((domain / "releases").iterdir()):
        found = check_release(domain, folder.name, toolkit, tmp_path / "cache")
        assert not found.errors
        assert found.status == "reused"  # the whole validation left it in the cache
        assert found.report.issues == of_release(issues, toolkit, folder.name), folder.name
    conflicted = check_release(domain, ASHGABAT_KABAR, toolkit, tmp_path / "cache")
    assert [i.message.split(";")[0] for i in conflicted.report.issues] == [
        "An event has at most one date (dcterms:date)"]
    assert ASHGABAT_IOM in conflicted.sharing
    assert (tmp_path / "cache" / f"{INDEX_ENTRY}.bin").is_file()
    assert conflicted.read_again == 0  # the index made by the first check, nothing changed since


def rename_event(data: Path, release_id: str, old: str, new: str) -> None:
    card = data / "releases" / release_id / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_a_stamp_too_new_to_be_trusted_is_read_again_until_a_later_check_records_it(domain, toolkit, tmp_path,
                                                                                    monkeypatch):
    """The racy window of migkg.build.stamps: a file written less than its width before the check that recorded its
    stamp may have been written again in the same clock tick, unseen by its stat."""
    monkeypatch.setattr(stamps, "RACY_NS", RACY_WINDOW)
    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    check_release(domain, ASHGABAT_IOM, toolkit, cache)  # makes the index
    assert check_release(domain, ASHGABAT_IOM, toolkit, cache).read_again == 13  # all copied a moment ago, itself too
    monkeypatch.setattr(stamps, "RACY_NS", 0)
    check_release(domain, ASHGABAT_IOM, toolkit, cache)  # records its own time, after every file was written
    assert check_release(domain, ASHGABAT_IOM, toolkit, cache).read_again == 0


def test_a_change_to_another_card_is_seen_through_the_index(domain, toolkit, tmp_path):
    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    before = check_release(domain, ASHGABAT_IOM, toolkit, cache)
    assert [i.path for i in before.report.issues] == ["dcterms:date"]
    # the other report of the meeting gives it another id: the date conflict goes, two ids of one meeting come
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")
    after = check_release(domain, ASHGABAT_IOM, toolkit, cache)
    assert after.read_again == 1 and after.built_others == 1  # the changed card alone, built here
    expected = whole(domain, toolkit, tmp_path / "fresh-cache")
    assert after.report.issues == of_release(expected, toolkit, ASHGABAT_IOM)
    assert [i.shape for i in after.report.issues] == ["migsh:SameEventShape"]
    assert ASHGABAT_KABAR in after.report.issues[0].graph and "events[0]" in after.report.issues[0].where
    renamed = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    assert renamed.status == "reused"  # built by the check before
    assert renamed.report.issues == of_release(expected, toolkit, ASHGABAT_KABAR)


def test_a_conflict_another_card_makes_is_seen_through_the_index_and_the_split_state(domain, toolkit, tmp_path):
    cache = tmp_path / "cache"
    card = domain / "releases" / ASHGABAT_KABAR / "card.yaml"
    original = card.read_bytes()
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")  # no date conflict
    whole(domain, toolkit, cache)  # the whole check across releases, without the conflict, is what the cache holds
    before = check_release(domain, ASHGABAT_IOM, toolkit, cache)
    assert "dcterms:date" not in [i.path for i in before.report.issues]
    assert (cache / f"{SPLIT_ENTRY}.bin").is_file()  # the last whole check, split for the next one
    card.write_bytes(original)  # the other card gives the meeting its id (and its own date) again
    after = check_release(domain, ASHGABAT_IOM, toolkit, cache)
    assert after.read_again == 1 and after.checked_anew >= 1  # the other card read again; the node validated anew
    expected = of_release(whole(domain, toolkit, tmp_path / "fresh-cache"), toolkit, ASHGABAT_IOM)
    assert after.report.issues == expected
    assert [i.path for i in after.report.issues] == ["dcterms:date"]
    whole(domain, toolkit, cache)  # a new whole check rewrites the state: its split is made again from it
    again = check_release(domain, ASHGABAT_IOM, toolkit, cache)
    assert again.report.issues == expected and again.checked_anew == 0


def test_the_changed_release_itself_is_built_and_checked(domain, toolkit, tmp_path):
    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")
    found = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    assert found.status == "built" and found.read_again == 12  # no index yet: the 12 others from their cache entries
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_KABAR)
    assert found.report.issues  # the two ids of one meeting


def test_the_changed_release_is_built_in_a_forked_copy_and_taken_from_the_cache(domain, toolkit, tmp_path,
                                                                                 monkeypatch):
    from migkg.curation import one_release

    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")
    builders = tmp_path / "builders"
    real = one_release.run_job

    def run_job(bench, cache_, job):
        with builders.open("a") as out:  # the copy's list would not reach this process: a file does
            out.write(f"{os.getpid()}\n")
        return real(bench, cache_, job)
    monkeypatch.setattr(one_release, "run_job", run_job)
    found = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    assert [int(pid) for pid in builders.read_text().split()] != [os.getpid()]  # built once, by the copy
    assert len(builders.read_text().split()) == 1
    assert found.status == "built"
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_KABAR)


def test_the_workbench_is_made_once_before_the_copy_and_serves_both(domain, toolkit, tmp_path, monkeypatch):
    """A change that makes a shared node validated anew: the copy builds the release with the workbench this
    process made before forking it, and this process checks the node with the same (one making, not two)."""
    from migkg.curation import one_release

    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")
    made = tmp_path / "made"
    real = one_release.Workbench

    def workbench(*args, **kwargs):
        with made.open("a") as out:  # the copy's count would not reach this process: a file does
            out.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)
    monkeypatch.setattr(one_release, "Workbench", workbench)
    found = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    assert found.status == "built" and found.checked_anew
    assert [int(pid) for pid in made.read_text().split()] == [os.getpid()]
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_KABAR)


def test_each_group_is_parsed_once_when_a_shared_node_is_validated_anew(domain, toolkit, tmp_path, monkeypatch):
    from migkg.curation import one_release

    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")
    parsed: list[bytes] = []
    real = one_release.parse_group

    def parse_group(group):
        parsed.append(group)
        return real(group)
    monkeypatch.setattr(one_release, "parse_group", parse_group)
    found = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    assert found.checked_anew and parsed
    assert len(parsed) == len(set(parsed))
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_KABAR)


def test_the_workbench_takes_the_registry_triples_the_build_cached(domain, toolkit, tmp_path, monkeypatch):
    """The build keeps the registry's triples beside it in the cache; the check's workbench takes them rather than
    mapping the registry again (a fifth of making it, before the release can be built)."""
    from migkg.build import workbench

    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")

    def refuse(*_args, **_kwargs):
        raise AssertionError("the registry was mapped again")
    monkeypatch.setattr(workbench, "map_registry", refuse)
    found = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    monkeypatch.undo()
    assert found.status == "built" and found.checked_anew
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_KABAR)


def test_the_registry_is_read_by_the_copy_that_builds_the_release_not_here(domain, toolkit, tmp_path, monkeypatch):
    """With the registry's triples in the cache, this process's workbench (made before the copy, and checking the
    shared node) never reads the registry: the copy reads it when it checks the card, beside this process's work."""
    from migkg.curation import one_release

    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")
    readers = tmp_path / "readers"
    real = one_release._Context.registry

    def registry(context):
        with readers.open("a") as out:  # the copy's reads would not reach this process: a file does
            out.write(f"{os.getpid()}\n")
        return real(context)
    monkeypatch.setattr(one_release._Context, "registry", registry)
    found = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    monkeypatch.undo()
    assert found.status == "built" and found.checked_anew
    pids = [int(pid) for pid in readers.read_text().split()]
    assert pids and os.getpid() not in pids
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_KABAR)


def test_when_the_copy_fails_the_release_is_built_here(domain, toolkit, tmp_path, monkeypatch):
    from migkg.curation import one_release

    cache = tmp_path / "cache"
    whole(domain, toolkit, cache)
    rename_event(domain, ASHGABAT_KABAR, MEETING, "2017-11-ashgabat-som-3")
    here, real = os.getpid(), one_release.run_job

    def run_job(bench, cache_, job):
        if os.getpid() != here:
            raise MemoryError("the copy died")
        return real(bench, cache_, job)
    monkeypatch.setattr(one_release, "run_job", run_job)
    found = check_release(domain, ASHGABAT_KABAR, toolkit, cache)
    assert found.status == "built"
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_KABAR)


@pytest.mark.parametrize("name", [".hidden", "../registry", "", "sub/dir"])
def test_a_name_the_corpus_listing_would_not_give_is_unknown_and_nothing_is_built(domain, toolkit, tmp_path, name):
    shutil.copytree(domain / "releases" / ASHGABAT_IOM, domain / "releases" / ".hidden")
    (domain / "releases" / "sub" / "dir").mkdir(parents=True)
    with pytest.raises(InputError, match="no release"):
        check_release(domain, name, toolkit, tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_a_linked_release_folder_outside_the_data_folder_is_refused_before_anything_is_built(domain, toolkit,
                                                                                            tmp_path):
    outside = Path(shutil.copytree(domain / "releases" / ASHGABAT_IOM, tmp_path / "outside"))
    (domain / "releases" / "linked").symlink_to(outside, target_is_directory=True)
    with pytest.raises(InputError, match="release folder"):
        check_release(domain, "linked", toolkit, tmp_path / "cache")
    assert not (tmp_path / "cache").exists()


def test_a_cold_cache_is_filled_first(domain, toolkit, tmp_path):
    notes: list[str] = []
    found = check_release(domain, ASHGABAT_IOM, toolkit, tmp_path / "cold", note=notes.append)
    assert found.warmed_up and notes
    assert found.report.issues == of_release(whole(domain, toolkit, tmp_path / "fresh"), toolkit, ASHGABAT_IOM)


# --------------------------------------------------------------------------- the command line
def test_the_command_prints_the_release_report(domain, invoke_migkg, tmp_path):
    cache = tmp_path / "cache"
    done = invoke_migkg("validate", "--data", domain, "--cache", cache, "--release", ASHGABAT_KABAR)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-1] == "0 violation(s), 1 warning(s)."
    assert f"stated by {ASHGABAT_IOM}, {ASHGABAT_KABAR}" in lines[0]
    assert f"checked {ASHGABAT_KABAR}" in done.stderr
    full = invoke_migkg("validate", "--data", domain, "--cache", cache)
    assert full.stdout == done.stdout  # the corpus's one warning is this release's
    quiet = invoke_migkg("validate", "--data", domain, "--cache", cache, "--release", "2013-06-05-iom-almaty-declaration")
    assert quiet.returncode == 0 and quiet.stdout == "Conforms: no violations, no warnings.\n"


def test_an_unknown_release_is_one_error_line(domain, invoke_migkg, tmp_path):
    done = invoke_migkg("validate", "--data", domain, "--cache", tmp_path / "cache", "--release", "no-such-release")
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert len(errors) == 1 and errors[0].startswith("error: --release: no release 'no-such-release' in ")
    assert str(domain / "releases") in errors[0]
    assert not (tmp_path / "cache").exists()  # nothing built for it


def test_a_bad_card_gives_the_errors_the_whole_validation_gives(domain, invoke_migkg, tmp_path):
    card = domain / "releases" / ASHGABAT_IOM / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("place: ashgabat", "place: no-such-city"),
                    encoding="utf-8")
    full = invoke_migkg("validate", "--data", domain, "--cache", tmp_path / "cache")
    one = invoke_migkg("validate", "--data", domain, "--cache", tmp_path / "cache", "--release", ASHGABAT_IOM)
    assert full.returncode == one.returncode == 2
    assert "no-such-city" in one.stderr
    assert [line for line in one.stderr.splitlines() if line.startswith("error:")] == \
        [line for line in full.stderr.splitlines() if line.startswith("error:")]


def test_the_turtle_report_holds_the_release_results(domain, invoke_migkg, tmp_path):
    report = tmp_path / "report.ttl"
    done = invoke_migkg("validate", "--data", domain, "--cache", tmp_path / "cache", "--release", ASHGABAT_IOM,
                     "--report", report)
    assert done.returncode == 0, done.stderr
    text = report.read_text(encoding="utf-8")
    assert "sh:Warning" in text and MEETING in text and "sh:Violation" not in text


def test_readable_of_a_release_report_is_what_validate_prints(domain, toolkit, tmp_path):
    found = check_release(domain, ASHGABAT_KABAR, toolkit, tmp_path / "cache")
    assert readable(found.report).endswith("0 violation(s), 1 warning(s).")
