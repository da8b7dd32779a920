"""``migkg draft`` and ``migkg draft-evaluate``: draft a card from a raw release, and measure a draft."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated

import typer

from migkg.cli.common import DataOption, errors_to_exit, say
from migkg.errors import InputError, Location, MigkgError

#: the largest text `migkg draft` takes: a press release is a few kB (the seed's is 9 kB), and drafting takes
#: about a minute a megabyte (the Russian models read every word), so ten pages at most, drafted in seconds;
#: lower than the build's limit for a source text (1 MB, :data:`migkg.inputs.LIMITS`), which costs no models
MAX_SOURCE_BYTES = 100_000
RELEASE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,119}$")

RegistryOption = Annotated[list[Path] | None, typer.Option(
    "--registry", metavar="DIR", help="Another registry folder the reviewed card's ids are in (besides DATA/registry); repeatable.")]


def read_release_text(path: Path) -> tuple[bytes, str]:
    """The source's bytes and text; a clear error for a missing, empty, huge or non-UTF-8 file."""
    from migkg.cards.release import read_source

    if not path.is_file():
        raise InputError(Location(path), "is not a file.", "give the path of the release's text (a .txt file).")
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise InputError(Location(path), f"is {size:,} bytes; migkg draft takes texts of up to {MAX_SOURCE_BYTES:,} "
                         "bytes (a press release is a few thousand; drafting takes about a minute a megabyte).",
                         f"split it into one file per release, each under {MAX_SOURCE_BYTES:,} bytes.")
    data = path.read_bytes()
    text = read_source(path)
    if not text.strip():
        raise InputError(Location(path), "is empty: there is nothing to draft.",
                         "save the release's text in this file (UTF-8).")
    return data, text


@errors_to_exit
def draft(source: Annotated[Path, typer.Argument(help="The release's raw text (UTF-8).")], *,
          release_id: Annotated[str, typer.Option("--id", metavar="ID", help="The release id: the folder name under DATA/releases.")],
          lang: Annotated[str | None, typer.Option("--lang", metavar="ru|en", help="ru or en (default: guessed from the letters).")] = None,
          data: DataOption = Path("data"),
          force: Annotated[bool, typer.Option("--force", help="Replace an existing card.draft.yaml.")] = False,
          evaluate: Annotated[Path | None, typer.Option(
              "--evaluate", metavar="CARD", help="A reviewed card of the same text: print precision and recall of the draft.")] = None,
          registry: RegistryOption = None,
          issued: Annotated[str | None, typer.Option(
              "--issued", metavar="DATE", help="The date of issue, YYYY-MM-DD (or YYYY-MM, YYYY), known from where the text was "
              "taken.")] = None,
          publisher: Annotated[str | None, typer.Option(
              "--publisher", metavar="ID", help="The publisher's registry id, known from where the text was taken.")] = None,
          url: Annotated[str | None, typer.Option("--url", metavar="URL", help="The address the text was taken from.")] = None,
          meta: Annotated[Path | None, typer.Option(
              "--meta", metavar="FILE", help="A YAML file with issued, publisher, url (default: SOURCE's .meta.yaml, if any).")] = None,
          to: Annotated[Path | None, typer.Option(
              "--to", metavar="DIR", help="Write the release folder ID/ under DIR instead of DATA/releases: a folder "
                                          "the build does not read (e.g. drafts), so that `migkg build` goes on "
                                          "working while the draft waits for review.")] = None):
    """Draft a card from a raw release: DATA/releases/ID/ gets source.txt, card.draft.yaml (to review, then
    rename to card.yaml), registry-proposals.yaml and draft-meta.yaml. --issued, --publisher and --url (or the
    same keys in SOURCE's .meta.yaml file) fill what the text does not state. See docs/drafting.md."""
    from migkg.draft import DRAFT_NAME, draft_release, guess_language, write_draft
    from migkg.schema.resources import ontology_dir
    from migkg.schema.vocabulary import load_vocabulary

    if not RELEASE_ID.match(release_id):
        raise InputError(Location(Path("--id")), f"'{release_id}' is not a release id.",
                         "use ASCII letters, digits and hyphens, e.g. 2013-06-05-unhcr-iom-almaty-ministerial.")
    if lang is not None and lang not in ("ru", "en"):
        raise InputError(Location(Path("--lang")), f"'{lang}' is not a language the drafter knows.", "use ru or en.")
    registry_dir = data / "registry"
    if not registry_dir.is_dir():
        raise InputError(Location(registry_dir), "is not a folder.", "point --data at a folder holding registry/.")
    folder = (to if to is not None else data / "releases") / release_id
    _check_folder(data / "releases" / release_id, source, force)
    _check_folder(folder, source, force)
    raw, text = read_release_text(source)
    supplied = read_supplied(source, meta, issued, publisher, url)
    language = lang or guess_language(text)
    vocabulary = load_vocabulary(ontology_dir())
    try:
        files = draft_release(text, raw, release_id, language, registry_dir, vocabulary, source, supplied)
    except MigkgError:
        raise
    except Exception as err:  # a bug must still end with a message, not a traceback, and write nothing
        raise MigkgError(f"drafting {source} failed ({type(err).__name__}: {err}); this is a bug in migkg "
                         "draft, nothing was written. Please report it with the source text.") from err
    written = write_draft(folder, raw, files)
    for path in written:
        say(f"  wrote {path}")
    say(_summary(files, language, lang is None))
    for note in _not_drafted(files):
        say(f"  not drafted: {note}")
    place = "" if folder.parent.resolve() == (data / "releases").resolve() else \
        f" and move the folder {folder} into {data / 'releases'}/"
    say(f"Next: review {folder / DRAFT_NAME} against source.txt, then rename it to card.yaml{place} "
        "(docs/drafting.md).")
    if evaluate is not None:
        typer.echo(_evaluate(folder, evaluate, data, registry or []).table())


def meta_file_of(source: Path) -> Path | None:
    """The curator's metadata file beside a text: ``release.meta.yaml`` or ``release.txt.meta.yaml``."""
    for candidate in (source.with_suffix(".meta.yaml"), source.with_name(source.name + ".meta.yaml")):
        if candidate.is_file():
            return candidate
    return None


def read_supplied(source: Path, meta: Path | None, issued: str | None, publisher: str | None, url: str | None):
    """What the curator knows from where the text was taken: the metadata file, then the options over it."""
    from pydantic import ValidationError

    from migkg.cards.yamlfile import parse_model, read_yaml
    from migkg.draft.header import Supplied, SuppliedFile

    if meta is not None and not meta.is_file():
        raise InputError(Location(meta), "is not a file.", "give a YAML file with issued, publisher and url.")
    meta = meta or meta_file_of(source)
    values = SuppliedFile.model_validate({})
    if meta is not None:
        document = read_yaml(meta, "metadata")
        if document.data is None:
            document.data = {}
        values = parse_model(SuppliedFile, document)
    given = {key: value for key, value in (("issued", issued), ("publisher", publisher), ("url", url))
             if value is not None}
    for key, value in given.items():
        try:
            values = SuppliedFile.model_validate({**values.model_dump(exclude_none=True), key: value})
        except ValidationError as err:
            raise InputError(Location(Path(f"--{key}")), f"'{value}' is not valid: {err.errors()[0]['msg']}.",
                             {"issued": "write the date as YYYY-MM-DD, e.g. 2019-04-24 (or YYYY-MM, YYYY when only the month or "
                                        "year is known).",
                              "publisher": "give a registry id, e.g. iom or kazinform.",
                              "url": "give the full http:// or https:// address."}[key]) from None
    origin = " and ".join(filter(None, [meta.name if meta else None,
                                        ", ".join(f"--{k}" for k in given) if given else None])) or "nothing"
    day = values.issued if isinstance(values.issued, dt.date) else None
    month = values.issued if isinstance(values.issued, str) else None
    return Supplied(day, values.publisher, str(values.url) if values.url else None, origin,
                    "--publisher" if publisher is not None else str(meta), month)


def _check_folder(folder: Path, source: Path, force: bool) -> None:
    from migkg.draft import DRAFT_NAME

    if (folder / "card.yaml").exists():
        raise InputError(Location(folder / "card.yaml"), "exists: this release already has a reviewed card, "
                         "which a draft never replaces.", "choose another --id, or review the card itself.")
    if (folder / DRAFT_NAME).exists() and not force:
        raise InputError(Location(folder / DRAFT_NAME), "exists: a draft (perhaps under review) is already there.",
                         "add --force to replace it, or choose another --id.")
    existing = folder / "source.txt"
    if existing.is_file() and source.is_file() and existing.resolve() != source.resolve() \
            and existing.read_bytes() != source.read_bytes():
        raise InputError(Location(existing), "exists with another text: a source text is never replaced.",
                         "choose another --id, or draft from this source.txt.")


def _summary(files, language: str, guessed: bool) -> str:
    from migkg.cards.yamlfile import read_yaml_text
    from migkg.draft import META_NAME

    meta = read_yaml_text(files.meta, Path(META_NAME)).data
    facts = meta["facts"]
    sure = sum(1 for f in facts if f["confidence"] >= 0.7)
    how = "guessed from its letters" if guessed else "as given"
    return (f"drafted {len(facts)} facts ({sure} with confidence >= 0.7) and {len(meta['proposals'])} proposed "
            f"registry entries; language {language} ({how}).")


def _not_drafted(files) -> list[str]:
    """What the draft says it left for the curator (draft-meta.yaml ``not_drafted``): an unknown publisher id,
    a date of issue nobody gave."""
    from migkg.cards.yamlfile import read_yaml_text
    from migkg.draft import META_NAME

    return [str(note) for note in read_yaml_text(files.meta, Path(META_NAME)).data.get("not_drafted") or []]


def _evaluate(draft_folder: Path, card: Path, data: Path, extra: list[Path]):
    from migkg.draft import DRAFT_NAME, load_draft
    from migkg.draft.evaluate import CardWithSpans, evaluate
    from migkg.draft.loading import load_card_file, registry_of
    from migkg.schema.resources import ontology_dir
    from migkg.schema.vocabulary import load_vocabulary

    vocabulary = load_vocabulary(ontology_dir())
    if draft_folder.is_file():
        draft_folder = draft_folder.parent
    if not (draft_folder / DRAFT_NAME).is_file():
        raise InputError(Location(draft_folder / DRAFT_NAME), "is missing.",
                         "give a folder made by `migkg draft` (or its card.draft.yaml).")
    if not card.is_file():
        raise InputError(Location(card), "is missing.", "give the path of a reviewed card.yaml.")
    drafted, draft_registry = load_draft(draft_folder, [data / "registry"], vocabulary)
    reviewed_registry = registry_of([data / "registry", *extra])
    reviewed = load_card_file(card, reviewed_registry, vocabulary)
    if drafted.text != reviewed.text:
        raise MigkgError(f"{draft_folder / 'source.txt'} and {card.parent / 'source.txt'} differ: a draft can only "
                         "be compared with a card of the same text.")
    return evaluate(CardWithSpans(drafted.card, draft_registry), CardWithSpans(reviewed.card, reviewed_registry))


@errors_to_exit
def draft_evaluate(draft_path: Annotated[Path, typer.Argument(metavar="DRAFT", help="A draft folder or its card.draft.yaml.")],
                   card: Annotated[Path, typer.Argument(help="A reviewed card.yaml of the same source text.")],
                   data: DataOption = Path("data"), registry: RegistryOption = None):
    """Compare a draft with a reviewed card: precision and recall per kind of fact (rules in docs/drafting.md)."""
    typer.echo(_evaluate(draft_path, card, data, registry or []).table())
