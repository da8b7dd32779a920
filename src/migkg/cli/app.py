"""The ``migkg`` application: every command, registered here by name, in the order ``migkg --help`` lists them.

To add a command, write its function in the module of its area (with :func:`migkg.cli.common.errors_to_exit`)
and add one line below. Each command module imports the library only inside its functions, so that
``migkg --help`` starts without loading rdflib, pyshacl or networkx.
"""
from __future__ import annotations

from typing import Annotated

import typer

from migkg.cli import build, draft, draft_quality, network, ontology, publish, query, serve
from migkg.cli.common import App

app = App(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
          help="Build, validate and query the migkg knowledge graph of migration-dialogue press releases.")


def _print_version(wanted: bool) -> None:
    if wanted:
        from migkg import __version__

        typer.echo(f"migkg {__version__}")
        raise typer.Exit()


@app.callback()
def options(_version: Annotated[bool, typer.Option(
        "--version", callback=_print_version, is_eager=True, help="Print the version of migkg and exit.")] = False):
    """Build, validate and query the migkg knowledge graph of migration-dialogue press releases."""


app.command()(build.build)
app.command()(build.validate)
app.command()(draft.draft)
app.command("draft-evaluate")(draft.draft_evaluate)
app.command("draft-quality")(draft_quality.draft_quality)
app.command()(query.query)
app.command()(query.queries)
app.command()(publish.publish)
app.command()(serve.serve)
app.command()(serve.site)
app.command("ontology-docs")(ontology.ontology_docs)
app.add_typer(network.network_app, name="network")
