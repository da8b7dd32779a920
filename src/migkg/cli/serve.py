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
          timeout: Annotated[int | None, typer.Option(
              "--query-timeout", help="Stop any query after this many seconds.")] = None):
    """Serve the built dataset over the SPARQL 1.1 Protocol with Oxigraph, with a query page and a page for
    every IRI of the dataset (HTML, Turtle, JSON-LD, N-Triples by content negotiation); Ctrl-C stops it."""
    from migkg.pages.front import front_server
    from migkg.stores.serve import DEFAULT_PORT, LocalServer, Urls, choose_port

    started = time.perf_counter()
    public = choose_port(port)
    if port is None and public != DEFAULT_PORT:
        say(f"migkg: {DEFAULT_PORT} is in use; serving on {public}")
    server = LocalServer(out, 0, writable, timeout)  # the Oxigraph server, on a free port behind the front server

    def stop_on_term(signum, frame):  # a `kill` stops as cleanly as Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop_on_term)
    front = None
    try:
        server.start()
        upstream, process = server.serving()
        front = front_server(upstream, server.base, public).start()
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
        while process.poll() is None:
            time.sleep(0.2)
        say(f"migkg: the Oxigraph server exited with status {process.returncode}")
        raise typer.Exit(1)
    except KeyboardInterrupt:
        say("migkg: stopping the server")
    finally:
        if front is not None:
            front.stop()
        server.stop()
        signal.signal(signal.SIGTERM, previous)


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
