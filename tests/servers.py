"""Real servers on 127.0.0.1 for the query, endpoint, publish and serve tests.

- :class:`Oxigraph`: the Oxigraph server from the ``oxigraph`` PyPI package (the venv's bin);
- :class:`Virtuoso`: Virtuoso Open Source 7 from Debian (installed by .ci/setup.d/virtuoso.sh);
- :class:`Jena`: Apache Jena's ARQ over an in-memory TDB2 dataset behind the small endpoint of
  tests/jena/JenaEndpoint.java (Debian's libapache-jena-java has no Fuseki; .ci/setup.d/jena.sh);
- :class:`FaultServer`: a tiny http.server of our own, in a thread, that misbehaves on purpose
  (HTTP errors, Retry-After, answers slower than the read timeout), and records what it got;
- :class:`CuttingProxy`: a TCP proxy in front of a real server that relays whole requests and
  then, on the n-th one, forwards half of the body and closes both connections;
- :func:`full_backlog`: a port that accepts no connection within any timeout;
- :class:`Serving`: ``python -m migkg serve`` as a child process, with the URLs it printed;
- :func:`jena_classpath` and :func:`jena`: Apache Jena's command-line tools (TDB2, RIOT) from Debian
  (installed by .ci/setup.d/jena.sh), not a server: they load and dump files.

Each starts on a free port and is stopped by the fixtures in conftest.py. Tests import the helpers
here as ``from tests.servers import ...`` (``tests`` is a package); the fixtures come from conftest.py.
"""
from __future__ import annotations

import contextlib
import http.server
import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, within: float = 30.0, log: Path | None = None) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}: {log.read_text()[-2000:] if log else ''}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    raise RuntimeError(f"no answer from {url} within {within} s")


def stop_process(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# --------------------------------------------------------------------------- Oxigraph
@dataclass
class Oxigraph:
    """``oxigraph serve --union-default-graph`` (read-write) on a fresh folder."""

    folder: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base}/update"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"

    def start(self) -> Oxigraph:
        binary = Path(sys.executable).parent / "oxigraph"
        if not binary.exists():
            pytest.fail(f"{binary} missing: install the project with `pip install -e .[test]` "
                        "(oxigraph is a dependency)")
        self.port = free_port()
        log = self.folder / "oxigraph.log"
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                [str(binary), "serve", "--location", str(self.folder / "store"), "--bind", f"{LOOPBACK}:{self.port}",
                 "--union-default-graph"], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_for(f"{self.query_url}?query=ASK%7B%7D", self.process, log=log)
        return self

    def stop(self) -> None:
        if self.process:
            stop_process(self.process)


# --------------------------------------------------------------------------- Virtuoso
VIRTUOSO_INI = """[Database]
DatabaseFile={d}/virtuoso.db
ErrorLogFile={d}/virtuoso.log
LockFile={d}/virtuoso.lck
TransactionFile={d}/virtuoso.trx
xa_persistent_file={d}/virtuoso.pxa
TempStorage=TempDatabase
[TempDatabase]
DatabaseFile={d}/virtuoso-temp.db
TransactionFile={d}/virtuoso-temp.trx
[Parameters]
ServerPort={host}:{sql_port}
DisableUnixSocket=1
DirsAllowed=., {d}{more_dirs}
VADInstallDir={d}/novad/
NumberOfBuffers=10000
MaxDirtyBuffers=6000
[HTTPServer]
ServerPort={host}:{http_port}
ServerRoot={d}/www
Charset=UTF-8
[SPARQL]
ResultSetMaxRows=100000
MaxQueryExecutionTime=60
"""


@dataclass
class Virtuoso:
    """Virtuoso Open Source 7 on a fresh database; anonymous SPARQL writes granted (loopback only)."""

    folder: Path
    http_port: int = 0
    sql_port: int = 0
    process: subprocess.Popen | None = None
    dirs_allowed: tuple[Path, ...] = ()   # more folders its bulk loader may read (DirsAllowed), as a publisher sets
    own_graphs: frozenset[str] = frozenset()  # the graphs a fresh database holds (Virtuoso's system graphs)

    @property
    def sparql_url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}/sparql"

    @property
    def store_url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}/sparql-graph-crud"

    @property
    def sparql_auth_url(self) -> str:
        return f"http://{LOOPBACK}:{self.http_port}/sparql-auth"

    def start(self) -> Virtuoso:
        binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
        if not binary or not isql:
            pytest.fail("virtuoso-t / isql-vt not found: install Virtuoso with `bash .ci/setup.d/virtuoso.sh` "
                        "(Debian package virtuoso-opensource-7-bin)")
        d = self.folder.resolve()
        (d / "www").mkdir(parents=True, exist_ok=True)
        (d / "novad").mkdir(exist_ok=True)
        self.http_port, self.sql_port = free_port(), free_port()
        more_dirs = "".join(f", {Path(folder).resolve()}" for folder in self.dirs_allowed)
        (d / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=d, host=LOOPBACK, sql_port=self.sql_port,
                                                            http_port=self.http_port, more_dirs=more_dirs))
        with open(d / "stdout.log", "wb") as out:
            self.process = subprocess.Popen([binary, "+foreground", "+configfile", str(d / "virtuoso.ini")], cwd=d,
                                            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_for(f"{self.sparql_url}?query=ASK%7B%7D", self.process, within=60, log=d / "stdout.log")
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        self.own_graphs = frozenset(self.graph_names())
        return self

    def isql(self, statement: str) -> str:
        done = subprocess.run(["isql-vt", f"{LOOPBACK}:{self.sql_port}", "dba", "dba", f"exec={statement}"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def bulk_load(self, folder: Path, mask: str, graph: str) -> None:
        """Virtuoso's bulk loader, as its documentation tells a publisher: ``ld_dir`` (the files of ``folder``
        matching ``mask``; ``graph`` for the triples a file does not put in a named graph), then
        ``rdf_loader_run``. Fails the test, naming the files, if the loader recorded an error for any."""
        folder = Path(folder).resolve()
        self.isql(f"ld_dir('{folder}', '{mask}', '{graph}');")
        self.isql("rdf_loader_run();")
        listed = self.isql(f"SELECT ll_file, ll_state, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '{folder}/%';")
        errors = self.isql(f"SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file LIKE '{folder}/%' "
                           "AND (ll_error IS NOT NULL OR ll_state <> 2);")
        assert "\n0 Rows." in errors, f"Virtuoso's bulk loader failed on {folder}/{mask}:\n{errors}"
        assert f"{folder}/" in listed, f"Virtuoso's bulk loader found no {mask} in {folder}"

    def sparql(self, query: str, accept: str) -> bytes:
        """The body of Virtuoso's answer to a SPARQL query (POSTed form), in the ``accept`` media type."""
        request = urllib.request.Request(self.sparql_url, data=urllib.parse.urlencode({"query": query}).encode(),
                                         headers={"Accept": accept})
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.read()

    def graph_names(self) -> set[str]:
        """Every graph that holds a triple, as Virtuoso spells its name (its own system graphs too)."""
        answer = json.loads(self.sparql("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                        "application/sparql-results+json"))
        return {row["g"]["value"] for row in answer["results"]["bindings"]}

    def delete_graphs_except(self, keep: set[str] | frozenset[str]) -> None:
        """Delete every quad whose graph is not in ``keep`` (through SQL, so any graph name is reached,
        even one that is no valid IRI in SPARQL syntax). ``keep`` must hold Virtuoso's own graphs: see
        :meth:`empty`."""
        if not keep:
            raise ValueError("keep Virtuoso's own graphs (its quad maps live there): call empty() instead")
        names = ", ".join("'" + name.replace("'", "''") + "'" for name in sorted(keep))
        self.isql(f"DELETE FROM DB.DBA.RDF_QUAD WHERE id_to_iri(G) NOT IN ({names});")

    def empty(self) -> None:
        """Delete every graph but those a fresh database holds: what earlier tests published is gone."""
        self.delete_graphs_except(self.own_graphs)
        left = self.graph_names() - self.own_graphs
        assert not left, f"Virtuoso still holds {sorted(left)}"

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            subprocess.run(["isql-vt", f"{LOOPBACK}:{self.sql_port}", "dba", "dba", "exec=shutdown;"],
                           capture_output=True, timeout=30)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=20)
            stop_process(self.process)


# --------------------------------------------------------------------------- Apache Jena's command-line tools
JENA_PACKAGE = "libapache-jena-java"   # Debian's Jena: jars in /usr/share/java (installed by .ci/setup.d/jena.sh)


def _debian_java_packages(root: str) -> list[str]:
    """``root`` and the Java library packages it depends on, recursively, as dpkg has them installed."""
    seen: set[str] = set()
    todo = [root]
    while todo:
        package = todo.pop()
        if package in seen:
            continue
        seen.add(package)
        done = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", package], capture_output=True, text=True,
                              check=False)
        for clause in done.stdout.split(","):
            name = clause.split("|")[0].strip().split(" ")[0].split(":")[0]
            if name.startswith("lib") and name.endswith("-java"):
                todo.append(name)
    return sorted(seen)


def jena_classpath(scratch: Path) -> str:
    """A class path for Debian's Jena command-line tools (``tdb2.tdbloader``, ``riotcmd.riot``...).

    Not ``/usr/share/java/*``: that holds every SLF4J binding and bridge at once, which stops SLF4J
    at start-up. Instead the jars of Jena's package and of the Java packages it depends on, with
    SLF4J's API and its no-op binding only. And one repair: Debian's jena-core moves the XML Schema
    datatype classes Jena carries to ``xerces.*`` but leaves their message files under
    ``org/apache/jena/ext/xerces/``, so the first XSD datatype fails ("Couldn't load messages ...
    xerces.impl.xpath.regex.message"); the messages are copied into ``scratch`` where the classes look.
    """
    if not shutil.which("java") or not shutil.which("dpkg-query"):
        pytest.fail("java / dpkg-query not found: install Jena with `bash .ci/setup.d/jena.sh`")
    packages = _debian_java_packages(JENA_PACKAGE)
    listed = subprocess.run(["dpkg-query", "-L", *packages], capture_output=True, text=True, check=False).stdout
    jars = sorted({line for line in listed.split() if line.startswith("/usr/share/java/") and line.endswith(".jar")
                   and "slf4j" not in line and "log4j" not in line})
    if not any(Path(jar).name.startswith("jena-tdb2") for jar in jars):
        pytest.fail(f"{JENA_PACKAGE} is not installed: run `bash .ci/setup.d/jena.sh`")
    jars += ["/usr/share/java/slf4j-api.jar", "/usr/share/java/slf4j-nop.jar"]
    core = next(jar for jar in jars if Path(jar).name == "jena-core.jar")
    with zipfile.ZipFile(core) as archive:
        names = set(archive.namelist())
        moved = "xerces/impl/xpath/regex/RegexParser.class" in names
        for name in names:
            if moved and name.startswith("org/apache/jena/ext/xerces/") and name.endswith(".properties"):
                target = scratch / "jena-resources" / name[len("org/apache/jena/ext/"):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    return ":".join([*jars, str(scratch / "jena-resources")])


def jena(classpath: str, tool: str, *args: str | Path, timeout: float = 300) -> bytes:
    """Run one of Jena's command-line tools (a main class: ``tdb2.tdbloader``...); its standard output.
    Fails the test with the tool's error output if it exits non-zero."""
    done = subprocess.run(["java", "-cp", classpath, tool, *map(str, args)], capture_output=True, timeout=timeout,
                          check=False, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"{tool} failed: {done.stderr.decode(errors='replace')[-3000:]}"
    return done.stdout


JENA_SOURCE = ROOT / "tests" / "jena" / "JenaEndpoint.java"


def compile_jena_endpoint(classes: Path) -> str:
    """javac tests/jena/JenaEndpoint.java into ``classes``; the class path to run it with (Debian's Jena, as
    :func:`jena_classpath` makes it, with its Xerces message repair)."""
    javac = shutil.which("javac")
    if not javac:
        pytest.fail("javac not found: install Jena and a JDK with `bash .ci/setup.d/jena.sh`")
    classpath = jena_classpath(classes.parent)
    classes.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([javac, "-d", str(classes), "-cp", classpath, str(JENA_SOURCE)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return ":".join([str(classes), classpath])


@dataclass
class Jena:
    """Jena ARQ on an in-memory TDB2 dataset loaded from N-Quads files (and Turtle files into named graphs),
    the union of the named graphs as default graph, answering SPARQL queries at /sparql."""

    folder: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def sparql_url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/sparql"

    def start(self, nquads: list[Path], turtle: dict[str, Path] | None = None) -> Jena:
        classpath = compile_jena_endpoint(self.folder / "classes")
        self.port = free_port()
        graphs = [a for graph, path in (turtle or {}).items() for a in ("--graph", graph, str(path))]
        log = self.folder / "jena.log"
        with open(log, "wb") as out:
            self.process = subprocess.Popen(
                [shutil.which("java") or "java", "-Xmx512m", "-cp", classpath, "JenaEndpoint", str(self.port),
                 *map(str, nquads), *graphs], stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_for(f"{self.sparql_url}?query=ASK%7B%7D", self.process, within=60, log=log)
        return self

    def stop(self) -> None:
        if self.process:
            stop_process(self.process)


# --------------------------------------------------------------------------- a misbehaving server
@dataclass
class Behaviour:
    """What the fault server does with the n-th request (1-based): status, headers, body, delay."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0


SELECT_ANSWER = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
    {"x": {"type": "literal", "value": "ok"}}]}}).encode()


class FaultServer:
    """An HTTP server in a thread that answers request n with ``script(n)`` and records each request."""

    def __init__(self, script):
        self.script = script
        self.requests: list[dict] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                owner.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                       "body": body})
                behaviour = owner.script(len(owner.requests))
                if behaviour.delay:
                    time.sleep(behaviour.delay)
                self.send_response(behaviour.status)
                for name, value in behaviour.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(behaviour.body)))
                self.send_header("Connection", "close")
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(behaviour.body)
                self.close_connection = True

            do_GET = do_POST = do_PUT = _answer

        self.httpd = http.server.ThreadingHTTPServer((LOOPBACK, 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}/sparql"

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --------------------------------------------------------------------------- a connection cut mid-request
class CuttingProxy:
    """Relays each request to ``upstream_port``; on request number ``cut_at`` it forwards the headers and
    half of the body, then closes both sides, as a network failure mid-upload would. With
    ``stall=True`` it forwards that request whole and lets the server act on it, but holds the answer
    back for ``stall_seconds``: a store slower to answer than the client waits. With ``answer_bytes``
    it forwards that request whole and then only the first ``answer_bytes`` bytes of the answer
    (headers included) before it closes both sides: an answer cut off on its way."""

    def __init__(self, upstream_port: int, cut_at: int, stall: bool = False, stall_seconds: float = 3.0,
                 answer_bytes: int | None = None):
        self.upstream_port = upstream_port
        self.cut_at = cut_at
        self.stall = stall
        self.stall_seconds = stall_seconds
        self.answer_bytes = answer_bytes
        self.count = 0
        self.lock = threading.Lock()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((LOOPBACK, 0))
        self.listener.listen(16)
        self.port = self.listener.getsockname()[1]
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def url(self, path: str) -> str:
        return f"http://{LOOPBACK}:{self.port}{path}"

    def _accept(self) -> None:
        while self.running:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(client,), daemon=True).start()

    def _relay(self, client: socket.socket) -> None:
        with client, socket.create_connection((LOOPBACK, self.upstream_port)) as upstream:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(65536)
                if not chunk:
                    return
                head += chunk
            header, _, body = head.partition(b"\r\n\r\n")
            length = 0
            for line in header.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(body) < length:
                chunk = client.recv(65536)
                if not chunk:
                    break
                body += chunk
            with self.lock:
                self.count += 1
                number = self.count
            if number == self.cut_at and self.stall:
                upstream.sendall(header + b"\r\n\r\n" + body)
                while upstream.recv(65536):
                    pass
                time.sleep(self.stall_seconds)
                return
            if number == self.cut_at and self.answer_bytes is not None:
                upstream.sendall(header + b"\r\n\r\n" + body)
                answer = b""
                while len(answer) < self.answer_bytes:
                    chunk = upstream.recv(65536)
                    if not chunk:
                        break
                    answer += chunk
                client.sendall(answer[: self.answer_bytes])
                return
            if number == self.cut_at:
                upstream.sendall(header + b"\r\n\r\n" + body[: len(body) // 2])
                time.sleep(0.2)
                return  # both sockets close here: the server sees a short body, the client no answer
            upstream.sendall(header + b"\r\n\r\n" + body)
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                client.sendall(chunk)

    def __enter__(self) -> CuttingProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.running = False
        self.listener.close()


class full_backlog:
    """A listening port whose only backlog slot is taken: a new connection waits until it times out."""

    def __enter__(self) -> int:
        self.listener = socket.socket()
        self.listener.bind((LOOPBACK, 0))
        self.listener.listen(0)
        self.held = socket.create_connection(self.listener.getsockname(), timeout=2)
        return self.listener.getsockname()[1]

    def __exit__(self, *exc) -> None:
        self.held.close()
        self.listener.close()


# --------------------------------------------------------------------------- comparing answers across servers
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {XSD + t for t in ("integer", "nonNegativeInteger", "positiveInteger", "int", "long")}


def term_key(term, virtuoso: bool = False) -> str | None:
    """A term as N-Triples; for Virtuoso, as its value where Virtuoso keeps the value but not the form:
    integer subtypes come back as xsd:integer and booleans as 0/1 (language tags are lowercased, as
    pyoxigraph lowercases them too)."""
    if term is None:
        return None
    if virtuoso and isinstance(term, ox.Literal):
        if term.datatype.value in INTEGER_TYPES:
            return f'"{int(term.value)}"^^<{XSD}integer>'
        if term.datatype.value == XSD + "boolean":
            return f'"{ {"0": "false", "1": "true"}.get(term.value, term.value)}"^^<{XSD}boolean>'
        if term.language:
            return str(ox.Literal(term.value, language=term.language.lower()))
    return str(term)


class Serving:
    """`python -m migkg serve ...` as a child process, with the URLs it printed."""

    def __init__(self, *args: str | Path):
        self.process = subprocess.Popen([sys.executable, "-m", "migkg", "serve", *map(str, args)], cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        self.printed: dict[str, str] = {}
        deadline = time.monotonic() + 60
        while "data folder" not in self.printed:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"serve stopped: {self.process.stderr.read()}")
            name, _, value = line.partition(":")
            self.printed[name.strip()] = value.split()[0] if value.split() else ""
            assert time.monotonic() < deadline
        self.query_url = self.printed["SPARQL endpoint"]
        self.base = self.printed["query page"].rstrip("/")

    def stop(self, sig=signal.SIGINT) -> tuple[int, str]:
        self.process.send_signal(sig)
        _, err = self.process.communicate(timeout=30)
        return self.process.returncode, err
