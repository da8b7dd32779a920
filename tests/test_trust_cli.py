"""Messages, not tracebacks (issue 13, item 6), and every option of every command walked with hostile values.

Each reproducer gave a traceback and exit 1 before: an IRI option that is not an IRI, a port out of range, an
output or cache folder that cannot be written (read-only, or a disk that is full), ``--out`` that is a file,
``validate --report`` into a missing folder, ``migkg query /dev/zero``. Now each is one ``error:`` line (or
click's usage error) naming the option, with exit 2 where another value would do and 1 where the machine
failed; earlier outputs stay as they were. The last resort turns anything unexpected into one line too.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import pytest
import typer
import typer.main
from typer.testing import CliRunner

from migkg.cli.app import app
from migkg.cli.common import App
from tests.hostile import assert_clean, invoke, seed_project, snapshot

ROOT = Path(__file__).resolve().parents[1]
#: capabilities that let root write where the permissions say no: dropped, so that a read-only folder is one
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner",
               "--inh-caps=-dac_override,-dac_read_search,-fowner"]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return seed_project(tmp_path_factory.mktemp("walk"))


def run_outside(args: list[str | Path], *, as_user: bool = False, file_limit: int | None = None,
                cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m migkg ARGS`` in a child process: with root's power to write anywhere dropped (``as_user``),
    or with a limit on the size of any file it writes (a disk that fills up)."""
    prefix = NO_OVERRIDE if as_user and os.geteuid() == 0 else []

    def limit() -> None:
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))
    return subprocess.run([*prefix, sys.executable, "-m", "migkg", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=120, check=False, preexec_fn=limit)


def one_error(stderr: str, *words: str) -> str:
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr, stderr
    assert all(word in lines[0] for word in words), stderr
    return lines[0]


# --------------------------------------------------------------------------- IRIs and numbers
BAD_IRIS = {"a space": "https://example.org/my kg/", "a quote": 'https://example.org/"kg"/',
            "# at the end": "https://example.org/kg#", "no scheme": "example.org/kg/", "empty": "",
            "a bad percent": "https://example.org/%zz/", "a NUL": "https://example.org/\x00/"}


@pytest.mark.parametrize("value", BAD_IRIS.values(), ids=BAD_IRIS.keys())
@pytest.mark.parametrize("command", [["build", "--no-cache"], ["validate", "--no-cache"], ["query", "q01"]])
def test_a_base_that_is_not_an_iri_is_a_usage_error_naming_it(project, command, value):
    before = snapshot(project / "build")
    done = invoke([*command, "--base", value], cwd=project)
    assert_clean(done, command)
    assert done.exit_code == 2, done.stderr
    assert "--base" in done.stderr and "Fix:" in done.stderr, done.stderr
    assert snapshot(project / "build") == before


@pytest.mark.parametrize("value", ["https://example.org/files /", "files/", "ftp://example.org/files/",
                                   "https://example.org/files#"])
def test_a_download_base_that_is_not_an_http_url_is_a_usage_error(project, value):
    before = snapshot(project / "build")
    done = invoke(["build", "--no-cache", "--download-base", value], cwd=project)
    assert_clean(done)
    assert done.exit_code == 2 and "--download-base" in done.stderr and "Fix:" in done.stderr, done.stderr
    assert snapshot(project / "build") == before


def test_a_good_base_still_builds(project, tmp_path):
    done = invoke(["build", "--no-cache", "--out", tmp_path / "other", "--base", "urn:example:kg/"], cwd=project)
    assert done.exit_code == 0, done.stderr
    assert "urn:example:kg/release/" in (tmp_path / "other" / "migkg-2013.nq").read_text(encoding="utf-8")


@pytest.mark.parametrize("port", ["70000", "-1", "65536"])
def test_serve_on_a_port_out_of_range_is_a_usage_error(project, port):
    done = invoke(["serve", "--port", port], cwd=project)
    assert_clean(done)
    assert done.exit_code == 2 and "--port" in done.stderr, done.stderr


# --------------------------------------------------------------------------- folders that cannot be written
def test_a_read_only_output_folder_is_one_line_naming_the_option(project, tmp_path):
    parent = tmp_path / "read-only"
    shutil.copytree(project / "build", parent / "build")
    before = snapshot(parent)
    parent.chmod(0o555)
    try:
        done = run_outside(["build", "--data", project / "data", "--out", parent / "build", "--no-cache"],
                           as_user=True)
    finally:
        parent.chmod(0o755)
    assert done.returncode == 2, done.stderr
    line = one_error(done.stderr, "migkg build", "--out", str(parent / "build"), "Permission denied", "Fix:")
    assert str(parent) in line
    assert snapshot(parent) == before


def test_a_read_only_cache_folder_is_one_line_naming_the_option(project, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir(mode=0o555)
    done = run_outside(["build", "--data", project / "data", "--out", tmp_path / "out", "--cache", cache],
                       as_user=True)
    cache.chmod(0o755)
    assert done.returncode == 2, done.stderr
    one_error(done.stderr, "--cache", str(cache), "Permission denied")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("where", ["out", "cache"])
def test_a_full_disk_is_one_line_with_exit_1_and_the_earlier_build_stays(project, tmp_path, where):
    out = tmp_path / "build"
    shutil.copytree(project / "build", out)
    before = snapshot(out)
    # every file may hold 20 KiB at most: the dumps (or the cache entries) do not fit, as on a full disk
    args = ["build", "--data", project / "data", "--out", out] + (
        ["--no-cache"] if where == "out" else ["--cache", tmp_path / "cache"])
    done = run_outside(args, file_limit=20 * 1024)
    assert done.returncode == 1, done.stderr
    one_error(done.stderr, "migkg build", "File too large", str(out), "Fix:")
    assert snapshot(out) == before


def test_out_that_is_a_file_is_refused_before_building(project, tmp_path):
    file = tmp_path / "build"
    file.write_text("mine\n", encoding="utf-8")
    done = invoke(["build", "--out", file, "--no-cache"], cwd=project)
    assert_clean(done)
    assert done.exit_code == 2, done.stderr
    one_error(done.stderr, "--out", str(file), "Fix:")
    assert file.read_text(encoding="utf-8") == "mine\n"


@pytest.mark.parametrize("command", [["query", "q01"], ["serve"], ["publish", "--endpoint", "http://127.0.0.1:9/store"],
                                     ["network", "stats"], ["site", "SITE"]])
def test_reading_a_build_from_a_file_is_one_line(project, tmp_path, command):
    file = tmp_path / "build"
    file.write_text("mine\n", encoding="utf-8")
    done = invoke([c if c != "SITE" else str(tmp_path / "site") for c in command] + ["--out", file], cwd=project)
    assert_clean(done, command)
    assert done.exit_code in (1, 2), done.stderr
    assert str(file) in done.stderr


@pytest.mark.parametrize("report", ["missing/report.ttl", "."])
def test_validate_report_into_a_missing_folder_or_onto_a_folder_is_refused_first(project, report):
    done = invoke(["validate", "--report", report], cwd=project)
    assert_clean(done)
    assert done.exit_code == 2, done.stderr
    one_error(done.stderr, "--report", "Fix:")
    assert not (project / "missing").exists()


# --------------------------------------------------------------------------- the query file
def test_query_from_dev_zero_a_fifo_a_folder_or_a_huge_file_is_refused_at_once(project, tmp_path):
    fifo = tmp_path / "q.rq"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.rq"
    huge.write_bytes(b"# " + b"x" * 1_100_000 + b"\nSELECT * WHERE { ?s ?p ?o }\n")
    folder = tmp_path / "folder.rq"
    folder.mkdir()
    for path, words in [("/dev/zero", "a device"), (fifo, "FIFO"), (folder, "a folder"), (huge, "larger than")]:
        done = invoke(["query", path], cwd=project)
        assert_clean(done, [path])
        assert done.exit_code == 2, done.stderr
        one_error(done.stderr, str(path), words, "Fix:")


def test_a_query_file_linked_from_elsewhere_is_read(project, tmp_path):
    real = tmp_path / "real.rq"
    real.write_text("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }\n", encoding="utf-8")
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "count.rq"
    link.symlink_to(real)
    done = invoke(["query", link, "--format", "csv"], cwd=project)
    assert done.exit_code == 0, done.stderr
    assert done.stdout.splitlines()[0] == "n"


# --------------------------------------------------------------------------- the last resort
def test_an_unexpected_exception_is_one_line_naming_the_command_the_error_and_how_to_report(tmp_path, monkeypatch):
    broken = App()

    @broken.command()
    def explode(source: Annotated[Path, typer.Option("--source")] = Path("x")):
        raise KeyError("the-key")

    @broken.command()
    def other():
        """A second command, so that EXPLODE is a sub-command as in migkg."""
    monkeypatch.delenv("MIGKG_DEBUG", raising=False)
    done = invoke_app(broken, ["explode", "--source", tmp_path])
    assert_clean(done)
    assert done.exit_code == 1
    line = one_error(done.stderr, "explode", "KeyError", "the-key", "issue tracker", "MIGKG_DEBUG=1")
    assert line.startswith("error: ")

    monkeypatch.setenv("MIGKG_DEBUG", "1")
    shown = invoke_app(broken, ["explode"])
    assert isinstance(shown.exception, KeyError)  # the traceback is there for whoever asked for it


def test_an_unexpected_os_error_names_the_option_whose_path_it_concerns(tmp_path, monkeypatch):
    broken = App()

    @broken.command()
    def write(out: Annotated[Path, typer.Option("--out")] = Path("x")):
        (out / "deeper" / "file").write_text("x")

    @broken.command()
    def other():
        """Second."""
    monkeypatch.delenv("MIGKG_DEBUG", raising=False)
    done = invoke_app(broken, ["write", "--out", tmp_path / "nowhere"])
    assert_clean(done)
    assert done.exit_code == 2
    one_error(done.stderr, "--out", str(tmp_path / "nowhere"), "No such file or directory", "Fix:")


def invoke_app(application: typer.Typer, args: list):
    return CliRunner().invoke(application, [os.fspath(a) for a in args])



# --------------------------------------------------------------------------- publish: exactly the build's graphs
DOMAIN = ROOT / "tests" / "fixtures" / "domain"
DROPPED = "2017-11-04-kabar-ashgabat-senior-officials"
OTHER_BASE = "https://example.org/other-dataset/"


@pytest.fixture(scope="module")
def domain_builds(tmp_path_factory) -> dict[str, Path]:
    """The domain corpus built whole, built again with one release dropped, and the seed under another base IRI
    (another dataset that shares the store)."""
    folder = tmp_path_factory.mktemp("domain")
    shutil.copytree(DOMAIN, folder / "data", ignore=shutil.ignore_patterns("*.md"))
    builds = {"whole": folder / "whole", "dropped": folder / "dropped", "other": folder / "other"}
    assert invoke(["build", "--data", folder / "data", "--out", builds["whole"], "--no-cache"]).exit_code == 0
    shutil.rmtree(folder / "data" / "releases" / DROPPED)
    done = invoke(["build", "--data", folder / "data", "--out", builds["dropped"], "--no-cache"])
    assert done.exit_code == 0, done.stderr
    done = invoke(["build", "--data", ROOT / "data", "--out", builds["other"], "--no-cache", "--base", OTHER_BASE])
    assert done.exit_code == 0, done.stderr
    return builds


def store_graphs(query_url: str) -> dict[str, int]:
    from migkg.stores.endpoint import EndpointSource

    answer = EndpointSource(query_url).select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in answer.rows}


def build_graphs(out: Path) -> dict[str, int]:
    from migkg.stores.opening import open_build

    build = open_build(out)
    return {name: len(list(build.store.quads_for_pattern(None, None, None, ox.NamedNode(name))))
            for name in build.graph_names()}


def publish_twice_over(url: str, query_url: str, builds: dict[str, Path], protocol: str = "gsp",
                       virtuoso: bool = False) -> str:
    def publish(out: Path):
        return invoke(["publish", "--endpoint", url, "--out", out, "--protocol", protocol])

    done = publish(builds["other"])
    assert done.exit_code == 0, done.stderr
    other = {g: n for g, n in store_graphs(query_url).items() if g.startswith(OTHER_BASE)}
    done = publish(builds["whole"])
    assert done.exit_code == 0, done.stderr
    assert "removed" not in done.stderr
    whole = set(store_graphs(query_url))
    dropped_graphs = {g for g in whole if f"/release/{DROPPED}/" in g}
    assert len(dropped_graphs) == 2, whole

    done = publish(builds["dropped"])
    assert_clean(done)
    assert done.exit_code == 0, done.stderr
    after = store_graphs(query_url)
    assert not dropped_graphs & set(after), "the dropped release's graphs are still in the store"
    mine = {g for g in after if g.startswith("https://w3id.org/migkg/")}
    wanted = set(build_graphs(builds["dropped"]))
    assert mine == wanted, (mine ^ wanted)
    # the other dataset's graphs are untouched: every one, with as many triples as before
    assert {g: n for g, n in after.items() if g.startswith(OTHER_BASE)} == other
    return done.stderr


def test_publish_removes_the_graphs_of_a_release_dropped_from_the_build_in_oxigraph(oxigraph, domain_builds):
    server = oxigraph()
    stderr = publish_twice_over(server.store_url, server.query_url, domain_builds)
    assert f"removed 2 graph(s) of release(s) no longer in the build: {DROPPED}" in stderr, stderr
    # and again: nothing left to remove, nothing said
    done = invoke(["publish", "--endpoint", server.store_url, "--out", domain_builds["dropped"]])
    assert done.exit_code == 0 and "removed" not in done.stderr, done.stderr


def test_publish_removes_the_graphs_of_a_release_dropped_from_the_build_in_virtuoso(virtuoso, domain_builds):
    virtuoso.empty()  # the session's Virtuoso, emptied of what other tests published
    stderr = publish_twice_over(virtuoso.store_url, virtuoso.sparql_url, domain_builds, virtuoso=True)
    assert f"removed 2 graph(s) of release(s) no longer in the build: {DROPPED}" in stderr, stderr


def test_sparql_update_reads_the_last_list_and_removes_a_graph_where_the_endpoint_also_answers_queries(
        virtuoso, domain_builds):
    """Virtuoso's /sparql takes queries and updates; publishing the domain corpus whole through it fails on a
    literal Virtuoso's INSERT DATA cannot take (xsd:duration, a Virtuoso fault), so the graphs go in by the Graph
    Store Protocol and the update target's reading and removing are tried on their own."""
    from migkg.stores.http import HttpClient
    from migkg.stores.publish import UpdateTarget, listed_graphs

    virtuoso.empty()
    assert invoke(["publish", "--endpoint", virtuoso.store_url, "--out", domain_builds["whole"]]).exit_code == 0
    target = UpdateTarget(virtuoso.sparql_url, HttpClient())
    description = target.read("https://w3id.org/migkg/graph/dataset")
    assert description is not None
    listed = listed_graphs(description, "https://w3id.org/migkg/")
    assert f"https://w3id.org/migkg/release/{DROPPED}/derived" in listed and len(listed) == len(
        build_graphs(domain_builds["whole"])) - 1
    target.remove(f"https://w3id.org/migkg/release/{DROPPED}/derived")
    target.remove("https://w3id.org/migkg/release/no-such/graph")  # a graph that is not there: nothing happens
    assert f"https://w3id.org/migkg/release/{DROPPED}/derived" not in store_graphs(virtuoso.sparql_url)


def test_publish_through_an_update_only_url_says_it_could_not_remove_old_graphs(oxigraph, built_dir):
    server = oxigraph()
    done = invoke(["publish", "--endpoint", server.update_url, "--out", built_dir, "--protocol", "update"])
    assert done.exit_code == 0, done.stderr
    assert "none was removed" in done.stderr and "Fix:" in done.stderr, done.stderr


def test_the_published_description_lists_every_graph_it_put(oxigraph, built_dir):
    from migkg.stores.endpoint import EndpointSource

    server = oxigraph()
    assert invoke(["publish", "--endpoint", server.store_url, "--out", built_dir]).exit_code == 0
    answer = EndpointSource(server.query_url).select(
        "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> SELECT ?g WHERE { GRAPH "
        "<https://w3id.org/migkg/graph/dataset> { <https://w3id.org/migkg/dataset> sd:namedGraph ?g . ?g sd:name ?g } }")
    listed = {row["g"].value for row in answer.rows}
    assert listed == set(build_graphs(built_dir)) - {"https://w3id.org/migkg/graph/dataset"}


# --------------------------------------------------------------------------- every option of every command
SEED = "2013-06-05-unhcr-iom-almaty-ministerial"
REFUSED = "http://127.0.0.1:9/store"  # the discard port: nothing listens, the connection is refused at once


def leaf_commands(command, path=()):
    """(the words that name it, the command) for every command of the app's click tree, sub-apps included."""
    children = getattr(command, "commands", None)
    if children:
        for name, child in sorted(children.items()):
            yield from leaf_commands(child, (*path, name))
    else:
        yield path, command


def hostile_values(annotation, scratch: dict[str, Path]) -> list[str]:
    """Values a clumsy user or an attacker gives, chosen by the parameter's type."""
    # (a very long value is tried on text; on paths it only repeats the text case, at the cost of a run each)
    text = ["", "x" * 5000, "a\x00b", os.fsdecode(b"caf\xe9\xff"), "https://example.org/a b/"]
    paths = ["", "a\x00b", os.fsdecode(b"caf\xe9\xff"), "../..", "/dev/zero", str(scratch["fifo"]),
             str(scratch["folder"]), str(scratch["file"]), str(scratch["loop"]), str(scratch["loop-data"])]
    numbers = ["-1", "0", str(2**63), "abc"]
    if annotation in (int, float):
        return numbers + (["nan", "inf", "-inf", "1e309"] if annotation is float else [])
    if annotation is Path or annotation == list[Path]:
        return paths
    return text


def baseline(words: tuple[str, ...], scratch: dict[str, Path]) -> dict[str, list[str]]:
    """The required arguments of each command, valid and cheap, so that the hostile value is the one looked at;
    `serve` gets --out a file and --port 70000, so that one of them is wrong whichever is walked and it never
    starts serving (it would serve until stopped; `--out ""` is the default build)."""
    source = str(scratch["source"])
    return {
        ("draft",): ["--id", "2099-01-01-walk", "--to", str(scratch["drafts"]), "SOURCE", source],
        ("draft-evaluate",): ["DRAFT", str(scratch["drafts"]), "CARD", f"data/releases/{SEED}/card.yaml"],
        ("draft-quality",): ["HALVES", f"data/releases/{SEED}"],
        ("query",): ["NAME", "q01"],
        ("publish",): ["--endpoint", REFUSED],
        ("serve",): ["--out", str(scratch["file"]), "--port", "70000"],
        # one small network, no HTML: drawing all of them takes 14 s a run
        ("network", "draw"): ["--network", "actor-event", "--no-html", "--lang", "en"],
        ("network", "export"): ["--network", "actor-event"],
        ("network", "stats"): ["--network", "actor-event"],
        ("site",): ["TARGET", str(scratch["site"])],
        ("ontology-docs",): ["OUT", str(scratch["docs"])],
    }.get(words, [])


def command_line(words, command, param, value, scratch) -> list[str]:
    """``words`` with the baseline arguments, ``value`` put in the place of ``param``."""
    base = baseline(words, scratch)
    options, positional = [], {}
    i = 0
    while i < len(base):
        if base[i] == "--no-html":  # the one flag of a baseline
            options.append(base[i])
            i -= 1
        elif base[i].startswith("--"):
            options += base[i:i + 2]
        else:
            positional[base[i]] = base[i + 1]
        i += 2
    if param.param_type_name == "option":
        flag = param.opts[0]
        while flag in options:  # the walked option replaces the baseline's
            at = options.index(flag)
            del options[at:at + 2]
        options += [flag, value]
    else:
        positional[param.name.upper()] = value
    arguments = [positional.get((p.name or "").upper(), "") for p in command.params
                 if (p.param_type_name == "argument" and p.required) or (p.name or "").upper() in positional]
    return [*words, *options, "--", *arguments] if arguments else [*words, *options]


@pytest.fixture(scope="module")
def scratch(project, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    things = {"fifo": folder / "fifo", "folder": folder / "empty-folder", "file": folder / "a-file",
              "loop": folder / "loop", "source": folder / "source.txt", "drafts": folder / "drafts",
              "site": folder / "site", "docs": folder / "docs"}
    os.mkfifo(things["fifo"])
    things["folder"].mkdir()
    things["file"].write_text("not what was expected\n", encoding="utf-8")
    things["loop"].symlink_to(things["loop"])
    things["source"].write_text("Алматы, 5 июня 2013 года. Министры встретились в Алматы.\n", encoding="utf-8")
    # a data folder with a release folder that is a symlink loop (item 2's case, walked with the rest)
    things["loop-data"] = Path(shutil.copytree(project / "data", folder / "loop-data"))
    (things["loop-data"] / "releases" / "2099-01-01-loop").symlink_to(things["loop-data"] / "releases" / "2099-01-01-loop")
    return things


def test_every_option_of_every_command_with_hostile_values(project, scratch, monkeypatch):
    """Each parameter of each command (from the click tree Typer makes) gets every hostile value of its type, the
    other arguments valid: never a traceback, always 0, 1 or 2, and a failure leaves the build as it was."""
    import time

    monkeypatch.delenv("MIGKG_DEBUG", raising=False)
    started = time.perf_counter()
    tree = typer.main.get_command(app)
    runs, statuses = 0, {0: 0, 1: 0, 2: 0}
    slow = []
    for words, command in leaf_commands(tree):
        for param in command.params:
            annotation = param.type_descriptor.annotation
            if annotation is bool or getattr(param, "is_flag", False) or param.hidden:
                continue
            for value in hostile_values(annotation, scratch):
                args = command_line(words, command, param, value, scratch)
                before = snapshot(project / "build")
                one = time.perf_counter()
                done = invoke(args, cwd=project)
                slow.append((time.perf_counter() - one, args[:6]))
                assert_clean(done, args)
                statuses[done.exit_code] += 1
                runs += 1
                if done.exit_code:
                    assert snapshot(project / "build") == before, args
    seconds = time.perf_counter() - started
    print(f"{runs} runs in {seconds:.1f} s: {statuses}")
    slowest = max(slow, key=lambda run: run[0])
    print(f"slowest: {slowest[0]:.2f} s, {slowest[1]}")
    assert runs > 400 and statuses[2] > runs / 2
