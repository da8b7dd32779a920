"""``migkg serve``: the built dataset on 127.0.0.1, until Ctrl-C: the SPARQL endpoint, the query page, and a
page for every IRI of the dataset; ``migkg site``: the same pages as static files."""
from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Annotated

import typer

from migkg.cli.common import OutOption, errors_to_exit, say


@errors_to_exit
def serve(out: OutOption = Path("build"),
          port: Annotated[int | None, typer.Option(
              "--port", min=0, max=65535, help="Port on 127.0.0.1 (default 7878, or a free one if 7878 is taken; 0: any free port).")
          ] = None,
          writable: Annotated[bool, typer.Option(
              "--writable", help="Accept SPARQL Update and Graph Store writes (default: read-only).")] = False,
          timeout: Annotated[float, typer.Option(
              "--query-timeout", metavar="SECONDS", min=0,
              help="Stop any query after this many seconds, and its work with it (the client gets HTTP 504); "
                   "0: no limit.")] = 300.0,
          allow_service: Annotated[bool, typer.Option(
              "--allow-service", help="Let queries make SERVICE calls to other endpoints (default: refused, HTTP "
                                      "403).")] = False):
    """Serve the built dataset over the SPARQL 1.1 Protocol with Oxigraph, with a query page and a page for
    every IRI of the dataset (HTML, Turtle, JSON-LD, N-Triples by content negotiation); Ctrl-C stops it."""
    from migkg.processes import signals_as_interrupt
    from migkg.stores.serve import DEFAULT_PORT, LocalServer, choose_port

    started = time.perf_counter()
    public = choose_port(port)
    if port is None and public != DEFAULT_PORT:
        say(f"migkg: {DEFAULT_PORT} is in use; serving on {public}")
    server = LocalServer(out, 0, writable)  # the Oxigraph server, on a free port behind the front server

    # a `kill` or a closed terminal stops it as cleanly as Ctrl-C (SIGKILL: see migkg.stores.serve.LocalServer)
    with signals_as_interrupt(signal.SIGTERM, signal.SIGHUP):
        _serve(server, out, public, writable, started, timeout, allow_service)


def _serve(server, out: Path, public: int, writable: bool, started: float, timeout: float,
           allow_service: bool) -> None:
    from migkg.pages.front import front_server
    from migkg.stores.serve import Urls

    front = None
    try:
        server.start()
        for stale in server.cleaned:
            say(f"note: removed {stale}: the data folder of a `migkg serve` that was killed")
        upstream, _ = server.serving()
        front = front_server(upstream, server.base, public, query_timeout=timeout, stop_work=server.restart,
                             allow_service=allow_service).start()
        urls = Urls(f"http://127.0.0.1:{front.port}")
        mode = "read-write" if writable else "read-only"
        typer.echo(f"migkg: serving {server.quads:,} quads from {out} ({mode}), ready in "
                   f"{time.perf_counter() - started:.2f} s", err=True)
        typer.echo(f"  query page:       {urls.page}")
        typer.echo(f"  SPARQL endpoint:  {urls.query}   (GET or POST; default graph = union of the named graphs)")
        if writable:
            typer.echo(f"  SPARQL update:    {urls.update}")
        typer.echo(f"  graph store:      {urls.store}?graph=IRI   ({'GET, PUT, POST, DELETE' if writable else 'GET'})")
        typer.echo(f"  IRI pages:        {urls.base}/PATH for {server.base}PATH   (HTML, Turtle, JSON-LD, "
                   "N-Triples by Accept, or PATH.ttl)")
        typer.echo(f"  data folder:      {server.workdir}   (deleted on exit)")
        typer.echo("Press Ctrl-C to stop.", err=True)
        while server.alive():  # (a query past --query-timeout restarts it)
            time.sleep(0.2)
        say(f"migkg: the Oxigraph server exited with status {server.serving()[1].returncode}")
        raise typer.Exit(1)
    except KeyboardInterrupt:
        say("migkg: stopping the server")
    finally:
        if front is not None:
            front.stop()
        server.stop()


@errors_to_exit
def site(target: Annotated[Path, typer.Argument(help="Folder to write the site to (replaced as a whole).")],
         out: OutOption = Path("build"),
         publish_at: Annotated[str | None, typer.Option(
             "--publish-at", help="Address the site will be published at (https://example.org/migkg/): the "
                                  ".htaccess for the w3id entry redirects there.")] = None):
    """Write a page for every IRI of the build as static files (PATH/index.html, PATH.ttl, PATH.jsonld, PATH.nt)
    for any web server, with the w3id redirect rules (.htaccess) that send each IRI to them."""
    from migkg.pages.site import write_site

    started = time.perf_counter()
    written = write_site(out, target, publish_at)
    say(f"migkg: wrote {written.pages:,} pages ({written.files:,} files) to {target} in "
        f"{time.perf_counter() - started:.2f} s")
    if publish_at:
        say(f"  w3id redirect rules: {target / 'w3id' / '.htaccess'} (docs/publishing.md says where they go)")
    else:
        say("  no w3id redirect rules: give --publish-at with the address the site will be served at")
