"""The first hour of a new user (issue 17): each thing that went wrong in a fresh clone, as a person meets it.

Every run is the real command line (``python -m migkg``), from a folder as a person would run it; the
servers are real (Oxigraph's own ``serve-read-only``), and the terminal of the width test is a real
pseudo-terminal of the size a person's window has.
"""
from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.servers import LOOPBACK, free_port, stop_process, wait_for

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "2013-06-05-unhcr-iom-almaty-ministerial"
ENGLISH_SOURCE = (ROOT / "tests" / "fixtures" / "draft" / "en-release" / "releases"
                  / "2024-11-14-iom-unhcr-bishkek-ministerial" / "source.txt")


def migkg(*args: str | Path) -> list[str]:
    """The command line of ``migkg ARGS``, for a run that the ``run_migkg`` fixture cannot make."""
    return [sys.executable, "-m", "migkg", *map(str, args)]


def clean(done: subprocess.CompletedProcess, status: int) -> None:
    assert done.returncode == status, (done.returncode, done.stderr[-3000:])
    assert "Traceback" not in done.stderr + done.stdout


def env_without_columns() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    return env


# --------------------------------------------------------------------------- build
def test_keep_going_counts_the_releases_it_built_when_the_only_one_fails(seed_data, tmp_path, run_migkg):
    card = seed_data / "releases" / SEED_ID / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace("\nclaims:", "\nclaimz:"), encoding="utf-8")
    done = run_migkg("build", "--data", seed_data, "--out", tmp_path / "build", "--keep-going", "--no-cache")
    clean(done, 0)
    assert "built 0 release(s)" in done.stderr and "1 left out" in done.stderr
    assert "built -1" not in done.stderr


def test_outside_the_project_folder_says_no_data_folder_was_found(tmp_path, run_migkg):
    for command in ("validate", "build"):
        done = run_migkg(command, cwd=tmp_path)
        clean(done, 2)
        assert f"no data folder found at {tmp_path / 'data'}" in done.stderr
        assert "run migkg from the project folder" in done.stderr and "--data" in done.stderr
        assert "create data/registry" not in done.stderr


def test_a_draft_in_data_releases_is_named_with_what_to_do(seed_data, tmp_path, run_migkg):
    folder = seed_data / "releases" / SEED_ID
    (folder / "card.yaml").rename(folder / "card.draft.yaml")
    done = run_migkg("build", "--data", seed_data, "--out", tmp_path / "build", "--no-cache")
    clean(done, 2)
    assert f"{folder / 'card.draft.yaml'} beside it is a draft" in done.stderr
    assert "rename it to card.yaml" in done.stderr and f"out of {seed_data / 'releases'}" in done.stderr
    assert not (tmp_path / "build").exists()


def test_the_readmes_draft_example_keeps_the_build_working(seed_data, tmp_path, run_migkg):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"^\.venv/bin/migkg draft new-release\.txt (.*?)\s+#", readme, re.M)
    assert example, "the README's draft example"
    options = example.group(1).split()
    assert "--to" in options, "the README drafts outside data/releases"
    drafts = tmp_path / options[options.index("--to") + 1]
    done = run_migkg("draft", ENGLISH_SOURCE, "--id", "2024-11-14-a-new-release", "--to", drafts, "--data",
                     seed_data, cwd=tmp_path)
    clean(done, 0)
    assert (drafts / "2024-11-14-a-new-release" / "card.draft.yaml").is_file()
    assert not (seed_data / "releases" / "2024-11-14-a-new-release").exists()
    assert f"move the folder {drafts / '2024-11-14-a-new-release'} into" in done.stderr
    done = run_migkg("build", "--data", seed_data, "--out", tmp_path / "build", "--no-cache")
    clean(done, 0)


def test_the_count_warning_quotes_the_cards_note_instead_of_asking_for_it(seed_data, tmp_path, run_migkg):
    done = run_migkg("build", "--data", seed_data, "--out", tmp_path / "build", "--no-cache")
    clean(done, 0)
    warning = next(line for line in done.stderr.splitlines() if "states a count of 8" in line)
    assert 'The claim\'s note says why: "The footnote to this sentence lists ten states."' in warning
    assert "say in the claim's `note:`" not in warning
    # without the note, the warning asks for one
    card = seed_data / "releases" / SEED_ID / "card.yaml"
    card.write_text(card.read_text(encoding="utf-8").replace(
        "    note: The footnote to this sentence lists ten states.\n", ""), encoding="utf-8")
    done = run_migkg("build", "--data", seed_data, "--out", tmp_path / "build", "--no-cache")
    clean(done, 0)
    warning = next(line for line in done.stderr.splitlines() if "states a count of 8" in line)
    assert "say in the claim's `note:` why they differ" in warning and "note says why" not in warning


def test_a_build_keeps_the_network_files_written_into_its_folder(tmp_path, run_migkg):
    build = tmp_path / "build"
    clean(run_migkg("build", "--out", build, "--no-cache"), 0)
    clean(run_migkg("network", "export", "--out", build, "--network", "actors"), 0)
    written = sorted(p.name for p in (build / "network").iterdir())
    assert "actors.graphml" in written
    clean(run_migkg("build", "--out", build, "--no-cache"), 0)
    assert sorted(p.name for p in (build / "network").iterdir()) == written
    assert (build / "void.ttl").is_file()


# --------------------------------------------------------------------------- query
def test_a_parameter_a_query_does_not_take_is_refused(built_dir, tmp_path, run_migkg):
    done = run_migkg("query", "q01", "--out", built_dir, "--param", "state=KAZ")
    clean(done, 2)
    assert "--param state" in done.stderr and "takes no parameters" in done.stderr and not done.stdout
    adhoc = tmp_path / "states.rq"
    adhoc.write_text("SELECT ?state WHERE { ?state a <http://example.org/State> }\n", encoding="utf-8")
    done = run_migkg("query", adhoc, "--out", built_dir, "--param", "country=x")
    clean(done, 2)
    assert "no variable ?country" in done.stderr
    clean(run_migkg("query", adhoc, "--out", built_dir, "--param", "state=https://w3id.org/migkg/state/KAZ"), 0)


def test_format_names_are_taken_in_any_case(built_dir, run_migkg):
    done = run_migkg("query", "q01", "--out", built_dir, "--format", "CSV")
    clean(done, 0)
    assert done.stdout.startswith("event,event_date,")
    done = run_migkg("query", "q01", "--out", built_dir, "--format", "xml")
    clean(done, 2)
    assert "--format" in done.stderr and "table, json, csv, tsv" in done.stderr


def test_a_missing_build_and_a_bad_endpoint_url_are_bad_input(tmp_path, run_migkg):
    done = run_migkg("query", "q01", "--out", tmp_path / "nothing")
    clean(done, 2)
    assert "no built dataset there" in done.stderr and "run `migkg build` first" in done.stderr
    done = run_migkg("query", "q01", "--endpoint", "127.0.0.1:7878/query")
    clean(done, 2)
    assert "is not an http(s) URL" in done.stderr and "http://127.0.0.1:7878/query" in done.stderr


@pytest.mark.parametrize(("typed", "meant"), [("q2", "q02-opener"), ("opener", "q02-opener"),
                                              ("q11-evidnce-of-a-fact", "q11-evidence-of-a-fact")])
def test_a_misspelt_query_name_gets_a_did_you_mean(typed, meant, run_migkg):
    done = run_migkg("query", typed, "--out", "nowhere")
    clean(done, 2)
    assert f"did you mean {meant}?" in done.stderr


# --------------------------------------------------------------------------- publish
def test_publishing_to_a_read_only_store_says_the_store_refuses_writes(built_dir, tmp_path, run_migkg):
    location = tmp_path / "store"
    store = ox.Store(str(location))
    store.flush()
    del store
    port = free_port()
    binary = Path(sys.executable).parent / "oxigraph"
    with open(tmp_path / "oxigraph.log", "wb") as log:
        server = subprocess.Popen([str(binary), "serve-read-only", "--location", str(location), "--bind",
                                   f"{LOOPBACK}:{port}"], stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL)
    try:
        wait_for(f"http://{LOOPBACK}:{port}/query?query=ASK%7B%7D", server, log=tmp_path / "oxigraph.log")
        done = run_migkg("publish", "--endpoint", f"http://{LOOPBACK}:{port}/store", "--out", built_dir)
    finally:
        stop_process(server)
    clean(done, 1)
    assert "HTTP 403" in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert "the store refuses to be written to" in last and "writable endpoint" in last
    assert "MIGKG_ENDPOINT_USER" in last
    assert "once the store answers again" not in done.stderr


# --------------------------------------------------------------------------- help
def all_commands():
    """Every command of the app (``network`` and its sub-commands included), as click objects, by path."""
    import typer

    from migkg.cli import app

    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])
    return list(walk(typer.main.get_command(app), []))


def test_every_option_that_takes_a_value_shows_a_metavar_and_flags_none():
    for path, command in all_commands():
        ctx = command.context_class(command, info_name="migkg")
        for param in command.get_params(ctx):
            if param.param_type_name == "option" and param.is_flag:
                assert param.metavar == "", (path, param.opts)
            else:
                named = bool(param.metavar) and re.fullmatch(r"[A-Z][A-Z0-9_=]*", param.metavar) is not None
                assert named or param.metavar in ("ru|en", "gsp|update"), (path, param.opts, param.metavar)


def test_help_reads_as_a_unix_commands(run_migkg, invoke_migkg):
    for path, _ in all_commands():  # in-process: the help is the app's; the last one below is a real process's
        done = invoke_migkg(*path, "-h")
        clean(done, 0)
        text = done.stdout
        assert "Usage: migkg" in text, path
        for shape in ("<bool>", "<list[", "<str>", "<path>", "<int>", "<float>"):
            assert shape not in text, (path, shape)
        usage = next(line for line in text.splitlines() if "Usage:" in line)
        assert not re.search(r"\{\w+\}", usage), (path, usage)
    query = run_migkg("query", "--help").stdout
    assert re.search(r"--param\s+NAME=VALUE", query) and re.search(r"Usage: migkg query \[OPTIONS\] NAME", query)


def test_version(run_migkg):
    from migkg import __version__

    done = run_migkg("--version")
    clean(done, 0)
    assert done.stdout.strip() == f"migkg {__version__}"


def test_help_does_not_load_rdflib():
    done = subprocess.run([sys.executable, "-c", "import sys\nfrom migkg.cli import app\n"
                           "try:\n    app(['--help'], prog_name='migkg')\nexcept SystemExit:\n    pass\n"
                           "print('LOADED', sorted(m for m in ('rdflib', 'pyshacl', 'networkx') if m in sys.modules))"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert "LOADED []" in done.stdout, done.stdout[-500:] + done.stderr[-2000:]


def test_network_reads_the_build_named_by_out_and_the_old_build_option_still_works(built_dir, tmp_path, run_migkg):
    done = run_migkg("network", "export", "--out", built_dir, "--to", tmp_path / "new", "--network", "actors")
    clean(done, 0)
    assert (tmp_path / "new" / "actors.graphml").is_file()
    assert "--build" not in run_migkg("network", "export", "--help").stdout  # hidden
    done = run_migkg("network", "export", "--build", built_dir, "--out", tmp_path / "old", "--network", "actors")
    clean(done, 0)
    assert (tmp_path / "old" / "actors.graphml").is_file() and "--build is the old name" in done.stderr


# --------------------------------------------------------------------------- tables and pipes
def on_a_terminal(args: list[str], columns: int) -> str:
    """The output of ``args`` on a pseudo-terminal ``columns`` wide (as a person's window is)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen(args, stdout=follower, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
                               cwd=ROOT, env=env_without_columns())
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("command", [["query", "q05"], ["network", "stats", "--network", "actors"]])
def test_tables_are_as_wide_as_the_terminal(command, built_dir, tmp_path):
    extra = ["--to", str(tmp_path)] if command[0] == "network" else []
    for columns in (90, 160):
        text = on_a_terminal(migkg(*command, "--out", built_dir, *extra), columns)
        widths = [len(line) for line in text.splitlines()]
        assert max(widths) <= columns and max(widths) >= columns - 10, (columns, max(widths))


def test_a_table_in_a_pipe_keeps_each_row_on_one_line(built_dir, run_migkg):
    done = subprocess.run(migkg("query", "q05", "--out", built_dir), capture_output=True, text=True, cwd=ROOT,
                          env=env_without_columns(), timeout=120, check=False)
    clean(done, 0)
    lines = done.stdout.splitlines()
    rows = int(re.fullmatch(r"(\d+) row\(s\)", lines[-1]).group(1))
    assert len(lines) == rows + 5  # top border, header, rule, the rows, bottom border, the count
    done = subprocess.run(migkg("query", "q05", "--out", built_dir), capture_output=True, text=True, cwd=ROOT,
                          env={**env_without_columns(), "COLUMNS": "100"}, timeout=120, check=False)
    assert max(len(line) for line in done.stdout.splitlines()) <= 100


def test_a_reader_that_stops_early_ends_the_command_quietly(built_dir, tmp_path):
    """``migkg network stats | head -1``: the command stops at the closed pipe with status 0, no traceback."""
    process = subprocess.Popen(migkg("network", "stats", "--out", built_dir, "--to", tmp_path),
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert process.stdout.readline().startswith(b"actor-event:")
    process.stdout.close()
    status = process.wait(timeout=120)
    stderr = process.stderr.read().decode("utf-8")
    assert status == 0, stderr
    assert "Traceback" not in stderr and "Broken pipe" not in stderr and "Exception ignored" not in stderr


# --------------------------------------------------------------------------- docs/researchers.md
def build_figures(built: Path) -> dict[str, object]:
    """The figures docs/researchers.md states about the seed, as a build of data/ gives them."""
    from migkg.stores.opening import open_build
    from migkg.stores.publish import graphs_of

    build = open_build(built)
    per_graph = {row["g"].value: int(row["n"].value) for row in build.store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
    graphs = graphs_of(build)
    published = sum(build.ntriples(graph.name).count(b"\n") for graph in graphs)
    return {"quads": len(build.store), "per graph": per_graph, "graphs published": len(graphs),
            "triples published": published}


def number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_figures_of_researchers_md_are_a_builds(built_dir):
    """Each figure about the seed in docs/researchers.md, found by the words around it, against a build of
    data/. A failure names the figure and the value to write (the doc's comment under "Serve the graph
    locally" points here)."""
    doc = (ROOT / "docs" / "researchers.md").read_text(encoding="utf-8")
    true = build_figures(built_dir)
    stated: list[tuple[str, object, object]] = []
    for match in re.finditer(r"serving ([\d,]+) quads from build", doc):
        stated.append(("`migkg serve`: serving N quads", number(match.group(1)), true["quads"]))
    for match in re.finditer(r"`oxigraph load` of ([\d,]+) quads", doc):
        stated.append(("`oxigraph load` of N quads", number(match.group(1)), true["quads"]))
    for match in re.finditer(r"published (\d+) graphs \(1 release\(s\), ([\d,]+) triples\)", doc):
        stated.append(("published N graphs", int(match.group(1)), true["graphs published"]))
        stated.append(("published (1 release(s), N triples)", number(match.group(2)), true["triples published"]))
    for match in re.finditer(r"`migkg publish` of the seed \((\d+) graphs, ([\d,]+) triples\)", doc):
        stated.append(("`migkg publish` of the seed (N graphs", int(match.group(1)), true["graphs published"]))
        stated.append(("`migkg publish` of the seed (…, N triples)", number(match.group(2)),
                       true["triples published"]))
    table = re.search(r"^g,triples\n((?:https://\S+,\d+\n)+)", doc, re.M)
    assert table, "the triples per graph (the curl example under Serve the graph locally)"
    stated.append(("triples per graph (curl example)",
                   {line.rsplit(",", 1)[0]: int(line.rsplit(",", 1)[1]) for line in table.group(1).splitlines()},
                   true["per graph"]))
    assert len(stated) >= 8, "every figure was found"
    wrong = [f"{what}: the doc says {doc_value}, a build gives {value}" for what, doc_value, value in stated
             if doc_value != value]
    assert not wrong, "docs/researchers.md: update\n" + "\n".join(wrong)
