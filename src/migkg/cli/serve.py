"""``migkg serve``: the built dataset as a SPARQL endpoint on 127.0.0.1, until Ctrl-C."""
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
              "--port", help="Port on 127.0.0.1 (default 7878, or a free one if 7878 is taken; 0: any free port).")
          ] = None,
          writable: Annotated[bool, typer.Option(
              "--writable", help="Accept SPARQL Update and Graph Store writes (default: read-only).")] = False,
          timeout: Annotated[int | None, typer.Option(
              "--query-timeout", help="Stop any query after this many seconds.")] = None):
    """Serve the built dataset over the SPARQL 1.1 Protocol with Oxigraph, with a query page; Ctrl-C stops it."""
    from migkg.stores.serve import LocalServer

    started = time.perf_counter()
    server = LocalServer(out, port, writable, timeout)

    def stop_on_term(signum, frame):  # a `kill` stops as cleanly as Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop_on_term)
    try:
        server.start()
        urls, process = server.serving()
        mode = "read-write" if writable else "read-only"
        typer.echo(f"migkg: serving {server.quads:,} quads from {out} ({mode}), ready in "
                   f"{time.perf_counter() - started:.2f} s", err=True)
        typer.echo(f"  query page:       {urls.page}")
        typer.echo(f"  SPARQL endpoint:  {urls.query}   (GET or POST; default graph = union of the named graphs)")
        if writable:
            typer.echo(f"  SPARQL update:    {urls.update}")
        typer.echo(f"  graph store:      {urls.store}?graph=IRI   ({'GET, PUT, POST, DELETE' if writable else 'GET'})")
        typer.echo(f"  data folder:      {server.workdir}   (deleted on exit)")
        typer.echo("Press Ctrl-C to stop.", err=True)
        while process.poll() is None:
            time.sleep(0.2)
        say(f"migkg: the Oxigraph server exited with status {process.returncode}")
        raise typer.Exit(1)
    except KeyboardInterrupt:
        say("migkg: stopping the server")
    finally:
        server.stop()
        signal.signal(signal.SIGTERM, previous)
