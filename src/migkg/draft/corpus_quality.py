"""How good are the drafts on a corpus of texts with reviewed cards? Per text and pooled per half, as markdown.

A corpus (``tests/fixtures/drafting/``) is split into halves (``dev/``, ``test/``...), one folder
per text::

    <half>/<id>/source.txt      the text, as published
    <half>/<id>/card.yaml       its reviewed card
    <half>/<id>/registry.yaml   registry entries the reviewed card needs beyond data/registry and known/
    <half>/<id>/meta.yaml       optional: issued, publisher, url, as a curator knows them from where the
                                text was taken (passed to the drafter as --issued, --publisher, --url)

The drafter sees what a curator holds before the text arrives: ``data/registry`` and the
corpus's ``known/registry`` (and ``data/releases`` for coreference) — never the text's
``registry.yaml`` nor its card. The reviewed card is loaded with all three registries. This
module finds the texts, assembles the draft's data folder, evaluates each draft
(:mod:`migkg.draft.evaluate`) and writes the report; ``migkg draft-quality`` (:mod:`migkg.cli`)
runs the drafter on each text, as ``migkg draft`` does.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from migkg.cards.yamlfile import read_yaml
from migkg.draft.card_writer import DRAFT_NAME, load_draft
from migkg.draft.evaluate import CardWithSpans, Evaluation, Row, evaluate
from migkg.draft.loading import load_card_file, registry_of
from migkg.errors import InputError, Location
from migkg.schema.vocabulary import Vocabulary

META_KEYS = ("issued", "publisher", "url")
LOW_RECALL = 0.6
"""The issue's floor: no kind of fact the texts state below this recall."""


@dataclass(frozen=True)
class CorpusText:
    """One text of a corpus half, with its reviewed card."""

    half: str
    folder: Path

    @property
    def id(self) -> str:
        return self.folder.name

    @property
    def source(self) -> Path:
        return self.folder / "source.txt"

    @property
    def card(self) -> Path:
        return self.folder / "card.yaml"

    @property
    def registry(self) -> Path:
        return self.folder / "registry.yaml"

    def meta(self) -> dict[str, object]:
        """What ``meta.yaml`` says of the text (issued, publisher, url), or nothing where it is missing."""
        path = self.folder / "meta.yaml"
        if not path.is_file():
            return {}
        data = read_yaml(path).data or {}
        if not isinstance(data, dict):
            raise InputError(Location(path), "is not a mapping.", "write issued:, publisher: and url: lines.")
        unknown = sorted(set(data) - set(META_KEYS))
        if unknown:
            raise InputError(Location(path), f"has keys other than {', '.join(META_KEYS)}: {', '.join(unknown)}.",
                             "keep only issued, publisher and url.")
        return {key: data[key] for key in META_KEYS if data.get(key) is not None}


def corpus_texts(half: Path) -> list[CorpusText]:
    """The texts of a half in name order: every subfolder with a ``source.txt`` and a ``card.yaml``."""
    if not half.is_dir():
        raise InputError(Location(half), "is not a folder.", "give a corpus half: a folder of <id>/source.txt, card.yaml.")
    texts = [CorpusText(half.name, folder) for folder in sorted(half.iterdir())
             if (folder / "source.txt").is_file() and (folder / "card.yaml").is_file()]
    if not texts:
        raise InputError(Location(half), "holds no text with a reviewed card.",
                         "give a folder of <id>/ folders, each with source.txt and card.yaml.")
    return texts


def draft_data_folder(folder: Path, data: Path, known: Path) -> Path:
    """A data folder for the drafter: ``registry/`` with the files of ``data/registry`` and of ``known``,
    ``releases/`` with a link to each release of ``data/releases`` (for coreference); the drafts go there too."""
    registry = folder / "registry"
    registry.mkdir(parents=True)
    for source, prefix in ((data / "registry", ""), (known, "known-")):
        for path in sorted(source.glob("*.yaml")):
            shutil.copyfile(path, registry / f"{prefix}{path.name}")
    (folder / "releases").mkdir()
    for release in sorted((data / "releases").glob("*/")):
        if (release / "card.yaml").is_file():
            (folder / "releases" / release.name).symlink_to(release.resolve(), target_is_directory=True)
    return folder


@dataclass
class TextResult:
    """One text: its evaluation, or why there is none (the drafter refused the text)."""

    text: CorpusText
    language: str
    seconds: float
    evaluation: Evaluation | None = None
    refused: str | None = None
    notes: list[str] = field(default_factory=list)


def evaluate_text(text: CorpusText, draft_folder: Path, draft_registry: list[Path], data: Path, known: Path,
                  vocabulary: Vocabulary) -> Evaluation:
    """The evaluation of the draft in ``draft_folder`` against the text's reviewed card."""
    drafted, drafted_registry = load_draft(draft_folder, draft_registry, vocabulary)
    reviewed_registry = registry_of([data / "registry", known], [text.registry])
    reviewed = load_card_file(text.card, reviewed_registry, vocabulary)
    return evaluate(CardWithSpans(drafted.card, drafted_registry), CardWithSpans(reviewed.card, reviewed_registry))


def missed_entirely(text: CorpusText, data: Path, known: Path, vocabulary: Vocabulary) -> Evaluation:
    """The evaluation of a refused text: nothing drafted, every reviewed fact missed."""
    registry = registry_of([data / "registry", known], [text.registry])
    reviewed = CardWithSpans(load_card_file(text.card, registry, vocabulary).card, registry)
    rows = evaluate(reviewed, reviewed).rows
    return Evaluation([Row(r.kind, 0, r.reviewed, 0, 0) for r in rows])


def pooled(evaluations: Iterable[Evaluation]) -> Evaluation:
    """The rows of several evaluations summed (a micro-average per kind of fact)."""
    totals: dict[str, list[int]] = {}
    for evaluation in evaluations:
        for row in evaluation.rows:
            total = totals.setdefault(row.kind, [0, 0, 0, 0])
            for index, value in enumerate((row.drafted, row.reviewed, row.matched_drafted, row.matched_reviewed)):
                total[index] += value
    return Evaluation([Row(kind, *values) for kind, values in totals.items()])


def _figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _cell(row: Row) -> str:
    if not row.drafted and not row.reviewed:
        return ""
    return f"{_figure(row.precision)} / {_figure(row.recall)} ({row.reviewed})"


def half_report(half: str, results: list[TextResult]) -> str:
    """A markdown section: P / R (n reviewed) per kind of fact per text, and pooled; then the texts and the targets."""
    evaluations = [r.evaluation for r in results if r.evaluation is not None]
    total = pooled(evaluations)
    kinds = [row.kind for row in total.rows if row.drafted or row.reviewed]
    header = ["kind of fact", *[f"t{i}" for i in range(1, len(results) + 1)], "**pooled**"]
    lines = [f"### {half}: {len(results)} texts", "",
             "P / R (n): precision / recall (the number of facts of that kind in the reviewed cards); "
             "blank: neither card has the kind.", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for kind in kinds:
        cells = [_cell(r.evaluation.row(kind)) if r.evaluation is not None else "" for r in results]
        name = f"**{kind}**" if kind == "overall" else kind
        lines.append(f"| {name} | " + " | ".join(cells) + f" | **{_cell(total.row(kind))}** |")
    lines += ["", "Texts:", ""]
    for index, result in enumerate(results, 1):
        how = f"refused: {result.refused}" if result.refused else f"drafted in {result.seconds:.1f} s"
        notes = "".join(f"; {note}" for note in result.notes)
        lines.append(f"* t{index} `{result.text.id}` ({result.language}): {how}{notes}")
    overall = total.row("overall") if kinds else None
    low = [f"{row.kind} {_figure(row.recall)}" for row in total.rows
           if row.kind != "overall" and row.reviewed and (row.recall or 0) < LOW_RECALL]
    refused = sum(1 for r in results if r.refused)
    lines += ["", f"Pooled: precision {_figure(overall.precision if overall else None)}, recall "
              f"{_figure(overall.recall if overall else None)}; texts refused: {refused}; kinds of fact below "
              f"{LOW_RECALL} recall: {', '.join(low) if low else 'none'}.", ""]
    return "\n".join(lines)


DraftOne = Callable[[CorpusText, Path, dict[str, object]], tuple[str | None, list[str]]]
"""Drafts a text into the data folder's ``releases/<id>/`` with its metadata; returns the refusal (the error
line) or None, and notes for the report (e.g. metadata the drafter could not take)."""


def run_half(texts: list[CorpusText], draft_one: DraftOne, data_folder: Path, data: Path, known: Path,
             vocabulary: Vocabulary, language_of: Callable[[str], str],
             clock: Callable[[], float]) -> list[TextResult]:
    """Draft and evaluate every text of a half, in order."""
    results = []
    for text in texts:
        language = language_of(text.source.read_text(encoding="utf-8"))
        started = clock()
        refused, notes = draft_one(text, data_folder, text.meta())
        seconds = clock() - started
        result = TextResult(text, language, seconds, refused=refused, notes=notes)
        draft_folder = data_folder / "releases" / text.id
        if refused is None and (draft_folder / DRAFT_NAME).is_file():
            result.evaluation = evaluate_text(text, draft_folder, [data_folder / "registry"], data, known, vocabulary)
        else:
            result.refused = refused or "no draft was written"
            result.evaluation = missed_entirely(text, data, known, vocabulary)
        results.append(result)
    return results
