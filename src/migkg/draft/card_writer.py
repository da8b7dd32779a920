"""Write a draft: ``card.draft.yaml``, ``registry-proposals.yaml`` and ``draft-meta.yaml`` beside ``source.txt``.

The draft card is in the card format (docs/card-format.md) and is named ``card.draft.yaml``
so that the build, which reads only ``card.yaml``, never publishes it: a person reviews it
and renames it. Every fact's ``note`` ends with ``[drafted: <method>; confidence <0-1>]``;
``draft-meta.yaml`` lists the same for tools, keyed by the fact's path in the card.
Proposed registry entries are in the registry's own format, so that reviewing them is
moving entries into ``data/registry/*.yaml``.

Before anything is written the draft is loaded exactly as the build would load it once
reviewed (card model, ids, quotes), with the proposals added to the registry; a draft that
would not load is a bug of the drafter and is reported, not written.
"""
from __future__ import annotations

import hashlib
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from migkg import __version__ as migkg_version
from migkg.atomic import write_bytes_atomically
from migkg.cards.evidence import occurrences
from migkg.cards.facts import FactKind, children, top_kinds
from migkg.cards.models import Card
from migkg.cards.registry import Registry
from migkg.cards.release import SOURCE_NAME
from migkg.cards.yamlfile import YamlDocument, parse_model, read_yaml
from migkg.draft.facts import DraftCard, Drafted, Proposal
from migkg.draft.loading import LoadedCardFile, checked_card, load_card_file, registry_of
from migkg.errors import InputError, MigkgError
from migkg.schema.vocabulary import Vocabulary

DRAFT_NAME = "card.draft.yaml"
PROPOSALS_NAME = "registry-proposals.yaml"
META_NAME = "draft-meta.yaml"
DRAFTED_NOTE = "[drafted: {method}; confidence {confidence:.2f}]"

CARD_HEADER = """\
DRAFT card made by `migkg draft` from source.txt: NOT reviewed, and never built while it is
named card.draft.yaml. To review: check every fact against source.txt (evidence, ids, roles,
speakers, topics), delete wrong facts, add missing ones, remove the "[drafted: ...]" part of
each note (and notes that say nothing else), move the entries you keep from
registry-proposals.yaml into data/registry/*.yaml, then rename this file to card.yaml and run
`migkg validate`. See docs/drafting.md.
"""


@dataclass
class DraftFiles:
    """The text of the three files of a draft."""

    card: str
    proposals: str
    meta: str


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    return yaml


def _dump(tree: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(tree, stream)
    return stream.getvalue()


# --------------------------------------------------------------------------- the card

LINE = 92


def folded(text: str) -> str:
    """A long text as a ``>-`` block, wrapped at single spaces (it reads back as the same text)."""
    if len(text) <= LINE or "\n" in text or "  " in text or text != text.strip():
        return text
    value = FoldedScalarString(text)
    positions, line_start, last_space = [], 0, None
    for index, char in enumerate(text):
        if char == " ":
            if index - line_start > LINE and last_space is not None:
                positions.append(last_space)
                line_start = last_space + 1
            last_space = index
    value.fold_pos = positions
    return value


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def evidence(text: str, spans: list[tuple[int, int]]) -> Any:
    """Spans as the card quotes them: the words, with ``occurrence`` where they are not unique."""
    quotes: list[Any] = []
    for begin, end in spans:
        words = text[begin:end]
        starts = occurrences(text, words)
        if len(starts) == 1:
            quotes.append(folded(words))
        else:
            quote = CommentedMap()
            quote["quote"] = folded(words)
            quote["occurrence"] = starts.index(begin) + 1
            quotes.append(quote)
    return quotes[0] if len(quotes) == 1 else CommentedSeq(quotes)


class _CardBuilder:
    def __init__(self, card: DraftCard, text: str):
        self.card, self.text = card, text
        self.meta: list[dict[str, Any]] = []

    def fact(self, fact: Drafted, path: str) -> CommentedMap:
        node = CommentedMap()
        for key, value in fact.fields.items():
            if key == "type" and value == "statement":
                continue
            node[key] = _flow(value) if isinstance(value, list) else value
        if fact.spans:  # a fact the curator supplied has its address instead (``supplied``)
            node["evidence"] = evidence(self.text, fact.spans)
        drafted = DRAFTED_NOTE.format(method=fact.method, confidence=fact.confidence)
        node["note"] = folded(f"{fact.note} {drafted}" if fact.note else drafted)
        self.meta.append({"path": path, "method": fact.method, "confidence": round(fact.confidence, 2)})
        return node

    def tree(self) -> CommentedMap:
        """The card, its entries in the order of :data:`migkg.cards.facts.FACT_KINDS`: a drafted entry's
        fields are named as the card's (``DraftCard.events``, ``DraftEvent.roles``...)."""
        root = CommentedMap()
        root["card"] = 1
        for kind in top_kinds():
            if kind.name == "release":
                release = CommentedMap()
                release["id"] = self.card.release_id
                release["language"] = self.card.language
                self.fill(release, kind, self.card, "release")
                self.header(release)
                root["release"] = release
            elif hasattr(self.card, kind.field):  # a kind the drafter does not draft yet is left out
                root[kind.field] = self.entries(kind, getattr(self.card, kind.field), kind.field)
        root.yaml_set_start_comment(CARD_HEADER)
        return root

    def header(self, release: CommentedMap) -> None:
        """The release's plain fields (``url``), and comments for the release metadata the draft could not
        state (no date of issue; a date or publisher the curator gave without an address): the draft still
        loads, and the curator sees what to add."""
        if self.card.url:
            release.insert(list(release).index("issued") + 1 if "issued" in release else len(release), "url",
                           self.card.url)
        missing = [note.removeprefix("release.") for note in self.card.skipped if note.startswith("release.")]
        if missing:
            comment = "\n".join(f"TO ADD: {note}" for note in missing)
            keys = list(release)
            following = keys[keys.index("title") + 1] if keys.index("title") + 1 < len(keys) else None
            if following:
                release.yaml_set_comment_before_after_key(following, before=comment, indent=2)
            else:
                release.yaml_set_comment_before_after_key("title", after=comment, after_indent=2)

    def fill(self, node: CommentedMap, kind: FactKind, holder: object, path: str) -> None:
        """The entries that lie inside an entry of ``kind``; a list is written even when empty."""
        for child in children(kind):
            if not hasattr(holder, child.field):  # a kind the drafter does not draft yet is left out
                continue
            value = getattr(holder, child.field)
            where = f"{path}.{child.field}"
            if child.is_list:
                node[child.field] = self.entries(child, value, where)
            elif value is not None:
                node[child.field] = self.entry(child, value, where)

    def entries(self, kind: FactKind, items: list[Any], path: str) -> CommentedSeq:
        return CommentedSeq(self.entry(kind, item, f"{path}[{index}]") for index, item in enumerate(items))

    def entry(self, kind: FactKind, item: Any, path: str) -> CommentedMap:
        """A fact, or (an event, a process) an entry holding facts: its id, then what lies inside it."""
        if isinstance(item, Drafted):  # a fact (a statement's collective speakers are not drafted yet)
            return self.fact(item, path)
        node = CommentedMap()
        node["id"] = item.id
        self.fill(node, kind, item, path)
        return node


def used_ids(tree: Any) -> set[str]:
    """Every string in the card tree (ids among them), to keep only the proposals the card uses."""
    found: set[str] = set()
    if isinstance(tree, dict):
        for key, value in tree.items():
            if key not in ("evidence", "note"):
                found |= used_ids(value)
    elif isinstance(tree, list):
        for item in tree:
            found |= used_ids(item)
    elif isinstance(tree, str):
        found.add(tree)
    return found


def _needed_proposals(proposals: dict[str, Proposal], used: set[str]) -> list[Proposal]:
    needed: dict[str, Proposal] = {}
    queue = sorted(i for i in used if i in proposals)
    while queue:
        entity = queue.pop()
        if entity in needed:
            continue
        needed[entity] = proposals[entity]
        for link in (proposals[entity].part_of, proposals[entity].organisation):
            if link in proposals:
                queue.append(link)
    return sorted(needed.values(), key=lambda p: (p.type, p.id))


def proposals_tree(proposals: list[Proposal]) -> CommentedMap:
    root = CommentedMap()
    entries = CommentedSeq()
    for index, proposal in enumerate(proposals):
        entry = CommentedMap()
        entry["id"] = proposal.id
        entry["type"] = proposal.type
        labels = CommentedMap()
        labels["ru"], labels["en"] = proposal.labels["ru"], proposal.labels["en"]
        labels.fa.set_flow_style()
        entry["labels"] = labels
        alt = {lang: [a for a in dict.fromkeys(alts) if a != proposal.labels.get(lang)]
               for lang, alts in proposal.alt_labels.items()}
        alt = {lang: alts for lang, alts in alt.items() if alts}
        if alt:
            entry["alt_labels"] = CommentedMap((lang, CommentedSeq(alts)) for lang, alts in sorted(alt.items()))
        if proposal.part_of:
            entry["part_of"] = proposal.part_of
        if proposal.organisation:
            entry["organisation"] = proposal.organisation
        entries.append(entry)
        comment = f"proposed by migkg draft ({proposal.method}; confidence {proposal.confidence:.2f})."
        if proposal.comment:
            comment += f" {proposal.comment}"
        entries.yaml_set_comment_before_after_key(index, before=comment, indent=2)
    root["entries"] = entries
    root.yaml_set_start_comment(
        "Registry entries proposed by `migkg draft` for actors the registry does not know.\n"
        "Review each one, then move it into data/registry/*.yaml (never build from this file).")
    return root


def render(card: DraftCard, text: str) -> DraftFiles:
    builder = _CardBuilder(card, text)
    tree = builder.tree()
    proposals = _needed_proposals(card.proposals, used_ids(tree))
    meta = {
        "release": card.release_id,
        "language": card.language,
        "drafted_by": f"migkg draft {migkg_version}",
        "source_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "review": "Not reviewed. See docs/drafting.md; rename card.draft.yaml to card.yaml once reviewed.",
        "facts": builder.meta,
        "proposals": [{"id": p.id, "type": p.type, "method": p.method, "confidence": round(p.confidence, 2)}
                      for p in proposals],
        "not_drafted": card.skipped,
    }
    return DraftFiles(_dump(tree), _dump(proposals_tree(proposals)), _dump(meta))


# --------------------------------------------------------------------------- loading a draft

def load_draft(folder: Path, registry_folders: list[Path], vocabulary: Vocabulary,
               card_name: str = DRAFT_NAME) -> tuple[LoadedCardFile, Registry]:
    """Load a draft as the build will load it once reviewed: the registry with the proposals added,
    the card checked for fields, ids and quotes (spans resolved)."""
    registry = registry_of(registry_folders, [folder / PROPOSALS_NAME])
    document = read_yaml(folder / card_name)
    release = document.data.get("release") if isinstance(document.data, dict) else None
    if isinstance(release, dict) and "issued" not in release:
        return _load_dateless(folder / card_name, document, registry, vocabulary), registry
    return load_card_file(folder / card_name, registry, vocabulary), registry


#: what stands in for the date of issue while a draft without one is checked (it is never kept)
_STAND_IN_ISSUED = {"date": "2000", "supplied": "https://example.invalid/"}


def _load_dateless(path: Path, document: YamlDocument, registry: Registry, vocabulary: Vocabulary) -> LoadedCardFile:
    """A draft whose text names no date of issue loads with ``release.issued`` None: everything else is checked
    as for any card (the card model requires the date, so the reviewed card cannot lack it)."""
    document.data["release"]["issued"] = dict(_STAND_IN_ISSUED)
    card = parse_model(Card, document)
    card.release.issued = None  # type: ignore[assignment]
    del document.data["release"]["issued"]
    return checked_card(path, document, card, registry, vocabulary)


def self_check(files: DraftFiles, source: bytes, release_id: str, registry_dir: Path, vocabulary: Vocabulary) -> None:
    """Load the draft from a scratch folder; a failure is the drafter's bug, reported with the reason."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / release_id
        folder.mkdir()
        (folder / SOURCE_NAME).write_bytes(source)
        (folder / DRAFT_NAME).write_text(files.card, encoding="utf-8")
        (folder / PROPOSALS_NAME).write_text(files.proposals, encoding="utf-8")
        try:
            load_draft(folder, [registry_dir], vocabulary)
        except InputError as err:
            raise MigkgError(f"the draft would not load ({err.message}); this is a bug in migkg draft, "
                             "nothing was written. Please report it with the source text.") from None


# --------------------------------------------------------------------------- writing

def write_draft(folder: Path, source: bytes, files: DraftFiles) -> list[Path]:
    """Write the draft's files atomically (each to a temporary file, then renamed)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in ((SOURCE_NAME, source), (DRAFT_NAME, files.card.encode("utf-8")),
                       (PROPOSALS_NAME, files.proposals.encode("utf-8")), (META_NAME, files.meta.encode("utf-8"))):
        target = folder / name
        if name == SOURCE_NAME and target.is_file() and target.read_bytes() == data:
            continue
        write_bytes_atomically(target, data)
        written.append(target)
    return written
