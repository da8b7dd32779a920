"""``migkg draft-quality``: draft every text of a corpus with reviewed cards and print precision and recall.

Each text is drafted by the ``migkg draft`` command itself, in this process (so the registry's
indexes and natasha's models load once), with the metadata of its ``meta.yaml`` given as
``--issued``, ``--publisher`` and ``--url``. The corpus layout and the report:
:mod:`migkg.draft.corpus_quality`; the matching rules: docs/drafting.md, section 5.
"""
from __future__ import annotations

import contextlib
import io
import tempfile
import time
from pathlib import Path
from typing import Annotated

import typer

from migkg.cli.common import DataOption, errors_to_exit


def _drafter():
    """A function drafting one corpus text with the ``migkg draft`` command itself, in this process."""
    from typer.main import get_command

    from migkg.cli.draft import draft
    from migkg.draft.corpus_quality import CorpusText

    alone = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    alone.command()(draft)
    command = get_command(alone)  # one command: its arguments are those of `migkg draft`

    def draft_one(text: CorpusText, data_folder: Path, meta: dict[str, object]) -> tuple[str | None, list[str]]:
        args = [str(text.source), "--id", text.id, "--data", str(data_folder), "--force"]
        for key, value in meta.items():
            for item in value if isinstance(value, list) else [value]:
                args += [f"--{key}", str(item)]
        messages = io.StringIO()
        with contextlib.redirect_stderr(messages), contextlib.redirect_stdout(io.StringIO()):
            status = command.main(args=args, prog_name="migkg draft", standalone_mode=False)
        if status:
            errors = [line for line in messages.getvalue().splitlines() if line.startswith("error:")]
            return (errors[0] if errors else f"exit status {status}"), []
        return None, []
    return draft_one


@errors_to_exit
def draft_quality(halves: Annotated[list[Path], typer.Argument(
                      metavar="HALF", help="Corpus halves: folders of <id>/{source.txt, card.yaml, registry.yaml, "
                                              "meta.yaml}, e.g. tests/fixtures/drafting/dev.")],
                  data: DataOption = Path("data"),
                  known: Annotated[Path, typer.Option(
                      "--known", metavar="DIR", help="The registry a curator holds beyond DATA/registry before the texts arrive.")]
                  = Path("tests/fixtures/drafting/known/registry"),
                  keep: Annotated[Path | None, typer.Option(
                      "--keep", metavar="DIR", help="Keep the drafts in this new folder (default: a temporary one, deleted).")] = None):
    """Draft every text of each corpus half and print precision / recall per kind of fact, per text and pooled
    per half, as markdown (docs/drafting.md, section 5). The drafter sees DATA/registry and --known only."""
    from migkg.draft import guess_language
    from migkg.draft.corpus_quality import corpus_texts, draft_data_folder, half_report, run_half
    from migkg.errors import InputError, Location
    from migkg.schema.resources import ontology_dir
    from migkg.schema.vocabulary import load_vocabulary

    if not known.is_dir():
        raise InputError(Location(known), "is not a folder.", "give the corpus's known/registry with --known.")
    corpus = {half: corpus_texts(half) for half in halves}
    vocabulary = load_vocabulary(ontology_dir())
    draft_one = _drafter()
    with contextlib.ExitStack() as stack:
        if keep is not None:
            if keep.exists():
                raise InputError(Location(keep), "exists.", "give --keep a folder that does not exist yet.")
            root = keep
        else:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="migkg-draft-quality-")))
        for index, (half, texts) in enumerate(corpus.items()):
            folder = draft_data_folder(root / f"{index}-{half.name}", data, known)
            results = run_half(texts, draft_one, folder, data, known, vocabulary, guess_language, time.perf_counter)
            typer.echo(half_report(half.name, results))
