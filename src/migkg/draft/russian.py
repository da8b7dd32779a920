"""The Russian front end: natasha (razdel, slovnet, pymorphy2) tokens, lemmas, names and organisations.

natasha's models ship inside its wheels (navec embeddings, slovnet morphology and NER,
the pymorphy2 dictionary), so nothing is downloaded. Its known weak spots are mended here:

* a name span may keep the honorific («Г-н Антониу Гутерриш»): it is cut off;
* «Кененбаев Ерлик» (family name first) is read as first name «Кененбаев»: the parts are
  reordered when the first looks like a family name (pymorphy's ``Surn`` tag, or its ending);
* an organisation's normal form inflects every word («по делам» → «по дела»): only the head
  noun phrase is put in the nominative, the rest is kept as written;
* «Алматинский процесс» is missed, or tagged as a person: the registry gazetteer finds it,
  and a registry match always wins over an NER span (see :mod:`.persons`).
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from migkg.draft.lexicon import RUSSIAN
from migkg.draft.text import Analysis, NameSpan, OrgSpan, Token, fold, mask_footnote_marks, sentences

_SURNAME_ENDINGS = re.compile(r"(ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ёва|ина|ына|ская|цкая|енко|ук|юк|дзе|швили|ян|янц)$")
_WOMANS_FAMILY_NAME = re.compile(r"(?:ов|ев|ёв|ин|ын)а$", re.IGNORECASE)
"""«Ковачева», «Сапарова»: a woman's family name in the nominative."""
_WOMANS_FAMILY_NAME_OBLIQUE = re.compile(r"(?<=[а-яё]{2})(ов|ев|ёв|ин|ын)ой$", re.IGNORECASE)
"""«Сапаровой»: a woman's family name in the genitive, dative, instrumental or prepositional."""


@lru_cache(maxsize=1)
def _models():
    """natasha's models, loaded once per process (about a second)."""
    from natasha import NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = _news_embedding()
    return Segmenter(), _morph_vocab(), NewsMorphTagger(embedding), NewsNERTagger(embedding)


@lru_cache(maxsize=1)
def _names_extractor():
    """natasha's parser of a person's name into first, last and middle (a third of a second to build
    its grammar and dictionaries of first names): made when a text first names a person."""
    from natasha import NamesExtractor

    return NamesExtractor(_models()[1])


def _news_embedding():
    """natasha's news embedding (navec), as ``natasha.NewsEmbedding()`` loads it, less the work done for nothing.

    On load, navec's product quantizer computes every word vector's norm and the centroids' dot
    products (most of a second), tables that only ``Navec.sim`` reads; slovnet's taggers read the
    quantizer's indexes and codes alone. Here the tables are made on their first use instead.
    """
    from natasha.data import NEWS_EMBEDDING
    from navec import Navec
    from navec.meta import Meta
    from navec.navec import META, PQ_, VOCAB
    from navec.pq import PQ
    from navec.tar import Tar
    from navec.vocab import Vocab

    class LazyPQ(PQ):
        def precompute(self):
            pass

        def __getattr__(self, name):  # called only for an attribute not yet set: norm, ab, qdims
            if name in ("norm", "ab", "qdims"):
                PQ.precompute(self)
                return getattr(self, name)
            raise AttributeError(name)

    with Tar(NEWS_EMBEDDING) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        vocab = Vocab.from_file(tar.load(VOCAB))
        pq = LazyPQ.from_file(tar.load(PQ_))
    return Navec(meta, vocab, pq)


def _morph_vocab():
    """natasha's MorphVocab (pymorphy2) on the Russian dictionary's folder, given by its package.

    Given no folder, pymorphy2 looks its dictionaries up through setuptools' entry points, and
    importing ``pkg_resources`` and scanning every installed package takes a third of a second of
    each new process; the folder it would find is ``pymorphy2_dicts_ru.get_path()``.
    """
    from natasha import MorphVocab
    from natasha.morph.vocab import MorphForm
    from pymorphy2 import MorphAnalyzer

    if MorphAnalyzer.DICT_PATH_ENV_VARIABLE in os.environ:  # the user's choice of dictionary, as pymorphy2 honours it
        return MorphVocab()
    try:
        import pymorphy2_dicts_ru
    except ImportError:  # another dictionary package: let pymorphy2 find it
        return MorphVocab()

    class PathMorphVocab(MorphVocab):
        def __init__(self):
            MorphAnalyzer.__init__(self, path=pymorphy2_dicts_ru.get_path(), result_type=MorphForm)

    return PathMorphVocab()


def lemmatise_phrases(phrases: list[str]) -> list[tuple[str, ...]]:
    """The lemmas of each phrase (a registry label, a country name), tagged in one batch."""
    from razdel import tokenize

    _, vocab, tagger, _ = _models()
    words = [[t.text for t in tokenize(p)] for p in phrases]
    result = []
    for markup in tagger.map(words):
        result.append(tuple(fold(vocab.lemmatize(t.text, t.pos, t.feats) if t.pos != "PUNCT" else t.text)
                            for t in markup.tokens))
    return result


def analyse(text: str) -> Analysis:
    from natasha import Doc

    segmenter, vocab, tagger, ner = _models()
    doc = Doc(mask_footnote_marks(text))
    doc.segment(segmenter)
    doc.tag_morph(tagger)
    doc.tag_ner(ner)
    tokens = []
    for token in doc.tokens:
        lemma = token.text if token.pos == "PUNCT" else vocab.lemmatize(token.text, token.pos, token.feats)
        tokens.append(Token(token.start, token.stop, token.text, fold(lemma), token.pos, dict(token.feats or {})))
    analysis = Analysis(text, "ru", tokens, sentences(doc.text))
    for span in doc.spans:
        if span.type == "PER":
            name = _person(span, vocab, text)
            if name:
                analysis.names.append(name)
        elif span.type == "ORG":
            analysis.organisations.append(OrgSpan(span.start, span.stop, head_nominative(span.tokens, vocab),
                                                  "natasha NER (ORG)"))
    analysis.names[:] = _mens_genitives(analysis.names)
    return analysis


def _mens_genitives(names: list[NameSpan]) -> list[NameSpan]:
    """«… Шерзода Рахимбердиева», then «Рахимбердиев подчеркнул»: a name the dictionary does not know, left in the
    genitive, whose family name the text also writes without its «-а» is a man's, put in the nominative
    («Шерзод Рахимбердиев»)."""
    written = {part for name in names for part in name.parts}
    mended = []
    for name in names:
        words = name.normal.split()
        if len(words) == 2 and re.search(r"(?:ов|ев|ёв|ин|ын)а$", words[1]) and fold(words[1][:-1]) in written \
                and words[0].endswith("а"):
            words = [words[0][:-1], words[1][:-1]]
            mended.append(NameSpan(name.start, name.end, " ".join(words), tuple(fold(w) for w in words), name.method))
        else:
            mended.append(name)
    return mended


def _person(span, vocab, text: str) -> NameSpan | None:
    from natasha.doc import DocSpan
    from natasha.norm import normalize

    tokens = list(span.tokens)
    for index, token in enumerate(tokens[1:], 1):  # «Дилноза Юсупова\nТел.: …»: a name ends at the end of its line
        if "\n" in text[tokens[index - 1].stop:token.start]:
            tokens = tokens[:index]
            break
    while tokens and fold(tokens[0].text).replace(".", "") in RUSSIAN.honorifics:
        tokens.pop(0)
    tokens = [t for t in tokens if t.pos != "PUNCT" or t.text in "-"]
    if not tokens:
        return None
    trimmed = DocSpan(tokens[0].start, tokens[-1].stop, "PER", span.text, tokens=tokens)
    if re.search(r":[ \t]*$", text[max(0, tokens[0].start - 5):tokens[0].start]):
        normal = " ".join(t.text for t in tokens)  # «Контактное лицо: Дилноза Юсупова»: a name after a label, as written
    else:
        normal = _nominative_names(normalize(vocab, tokens), [t.text for t in tokens], vocab)
    trimmed.normal = normal
    trimmed.extract_fact(_names_extractor())
    parts = normal.split()
    if trimmed.fact and len(parts) == 2:
        slots = trimmed.fact.as_dict
        first, last = slots.get("first"), slots.get("last")
        if first and last and _looks_like_family_name(first, vocab) and not _looks_like_family_name(last, vocab) \
                and not _is_first_name(first, vocab):
            parts = [last, first]
    return NameSpan(trimmed.start, trimmed.stop, " ".join(parts), tuple(fold(p) for p in parts), "natasha NER (PER)")


def _nominative_names(normal: str, written: list[str], vocab) -> str:
    """«Нурланом Абдыкеримовым» when the tagger took the words for nominatives: each word left as written that
    pymorphy2's dictionary reads first as a first or family name in the singular instrumental, dative or
    prepositional, and never as a nominative, is put in the nominative.

    The words of one name agree in case and gender: a woman's family name left as written in an oblique case
    («Айгерим Сапаровой») is put in the nominative («Сапарова»); a woman's family name written in the
    nominative («Мартина Ковачева») keeps the first name before it as written, where the tagger read it as a
    man's name in the genitive («Мартин»)."""
    words = normal.split()
    if len(words) != len(written):
        return normal
    for index, (word, as_written) in enumerate(zip(words, written, strict=True)):
        if index and word == as_written and _WOMANS_FAMILY_NAME_OBLIQUE.search(word):
            words[index] = _WOMANS_FAMILY_NAME_OBLIQUE.sub(lambda m: m.group(1) + "а", word)
        elif index and word == as_written and _WOMANS_FAMILY_NAME.search(word) \
                and words[index - 1] != written[index - 1] and re.search(r"[ая]$", written[index - 1]):
            words[index - 1] = written[index - 1]
    for index, (word, as_written) in enumerate(zip(words, written, strict=True)):
        if word != as_written:
            continue  # normalised already
        parses = vocab.parse(word)
        first = parses[0] if parses else None
        if first is None or not ({"Name", "Surn"} & set(first.tag.grammemes)) or "sing" not in first.tag.grammemes \
                or not ({"ablt", "datv", "loct"} & set(first.tag.grammemes)) \
                or any("nomn" in p.tag.grammemes for p in parses):
            continue  # «Жаксыбекова» may be a nominative (a woman's family name), «Абдыкеримов» a plural: as written
        nominative = first.inflect({"Nom"})
        if nominative is not None:
            words[index] = nominative.word[:1].upper() + nominative.word[1:]
    return " ".join(words)


def _is_first_name(word: str, vocab) -> bool:
    """Whether pymorphy2's dictionary knows the word as a first name («Катарина», «Мартин»: not family names for
    their endings)."""
    return any("Name" in p.tag for p in vocab.parse(word)[:4])


def _looks_like_family_name(word: str, vocab) -> bool:
    if any("Surn" in p.tag for p in vocab.parse(word)[:2]):
        return True
    return bool(_SURNAME_ENDINGS.search(word.lower()))


def head_nominative(tokens, vocab) -> str:
    """«Управления Верховного комиссара по делам беженцев» → «Управление Верховного комиссара по делам беженцев».

    The head noun and the adjectives before it go into the nominative; the words after it
    (genitives, prepositional phrases) stay as written.
    """
    from natasha.norm import normalize

    tokens = list(tokens)
    head_end = next((i + 1 for i, t in enumerate(tokens) if t.pos in ("NOUN", "PROPN")), len(tokens))
    head = normalize(vocab, tokens[:head_end]) if head_end else ""
    rest = ""
    if head_end < len(tokens):
        start = tokens[head_end - 1].stop if head_end else tokens[0].start
        rest = _text_between(tokens, head_end, start)
    words = head + rest
    return words[:1].upper() + words[1:]


def _text_between(tokens, first: int, offset: int) -> str:
    parts = []
    for token in tokens[first:]:
        parts.append(" " * (token.start - offset) + token.text)
        offset = token.stop
    return "".join(parts)


def phrase_keys(phrases: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Surface keys and lemma keys of each phrase, for the gazetteer.

    Tagging a few thousand names takes seconds, so the result for the same phrases (and the
    same models and rules) is kept on disk by :mod:`.index_cache` and read back in a new process.
    """
    from migkg.draft.cache import cached

    keys = cached("ru-phrase-keys", phrases, lambda: _phrase_keys(phrases))
    return [(tuple(surface), tuple(lemmas)) for surface, lemmas in keys]


def _phrase_keys(phrases: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    from razdel import tokenize

    lemmas = lemmatise_phrases(phrases)
    return [(tuple(fold(t.text) for t in tokenize(p)), lemma) for p, lemma in zip(phrases, lemmas, strict=True)]


def genitive(phrase: str) -> str:
    """«Кыргызская Республика» → «Кыргызской Республики» (pymorphy2, each word up to the first noun; shapes
    kept). The words after that noun are a name in apposition and stay as they are: «Республика
    Таджикистан» → «Республики Таджикистан»."""
    from natasha.shape import recover_shape

    _, vocab, _, _ = _models()
    words = phrase.split()
    for index, word in enumerate(words):
        parses = [p for p in vocab.parse(word) if "nomn" in p.tag]
        inflected = parses[0].inflect({"Gen"}) if parses else None
        words[index] = recover_shape(inflected.word, word) if inflected else word
        if parses and "NOUN" in parses[0].tag:
            break
    return " ".join(words)


def nominative_of_span(text: str, start: int, end: int, analysis_tokens) -> str:
    """The nominative form of a name in the text, e.g. «Правительством Кыргызской Республики»."""
    _, vocab, _, _ = _models()
    tokens = [t for t in analysis_tokens if start <= t.start and t.end <= end]
    return head_nominative([_AsNatasha(t) for t in tokens], vocab) if tokens else text[start:end]


class _AsNatasha:
    """Our token with the attributes natasha's normaliser reads."""

    def __init__(self, token):
        self.start, self.stop, self.text, self.pos = token.start, token.end, token.text, token.pos
        self.feats = token.feats


# --------------------------------------------------------------------------- states by adjective

#: Russian endings of country names and what a relational adjective or a demonym puts in their place:
#: Казахстан → казахстанский, казах(ский), казахстанец; Узбекистан → узбекский, узбек; Россия →
#: российский; Германия → германский; Бразилия → бразильский; Турция → турецкий; Китай → китайский.
#: These only make candidates: a candidate is kept only when pymorphy2's dictionary knows the word
#: as an adjective (or, for a demonym, as an animate noun), so a wrong rule adds nothing.
_ADJECTIVE_SUFFIXES = ("ский", "йский", "ийский", "ьский", "нский")


def _stems(name: str) -> list[str]:
    """The stems of a one-word country name that its adjectives and demonyms are built on."""
    stems = [name]
    for ending in ("истан", "стан"):
        if name.endswith(ending) and len(name) - len(ending) >= 5:
            stems.append(name[:-len(ending)])
    if name.endswith(("ия", "ья")):
        stem = name[:-2]
        stems.append(stem)
        if len(stem) > 2 and stem[-1] == "р" and stem[-2] not in "аеёиоуыэюя":
            stems.append(f"{stem[:-1]}е{stem[-1]}")  # a fleeting vowel: Венгрия → венгерский
    elif name.endswith("ция"):
        stems.append(f"{name[:-3]}е")  # Турция → турецкий
    elif name.endswith(("а", "я", "й", "ы", "и")):
        stems.append(name[:-1])  # Куба → кубинский is irregular; Китай → китайский, Филиппины → филиппинский
    return stems


def _candidates(name: str) -> list[tuple[str, str]]:
    """(word, part of speech) candidates: relational adjectives and demonym nouns of a country name."""
    found: list[tuple[str, str]] = []
    for stem in _stems(name):
        found += [(f"{stem}{suffix}", "ADJF") for suffix in _ADJECTIVE_SUFFIXES]
        found += [(f"{stem}цкий", "ADJF"), (f"{stem}ец", "NOUN")]
        if stem != name and len(stem) >= 5:
            found.append((stem, "NOUN"))  # узбек, таджик, туркмен
    if name.endswith("ция"):
        found.append((f"{name[:-3]}ецкий", "ADJF"))
    return found


def state_adjectives(names: list[str]) -> list[str]:
    """The adjectives and demonyms pymorphy2 knows for a state, from its Russian names, as lemmas.

    One-word names go through the derivation rules of :func:`_candidates`; in a longer
    (official) name, an adjective sharing its first four letters with a one-word name
    («Кыргызская Республика» and «Кыргызстан») is taken as it is. Both kinds are checked
    against pymorphy2's dictionary: a word it has to guess is not kept.
    """
    _, vocab, _, _ = _models()
    single = [fold(n) for n in names if re.fullmatch(r"[А-Яа-яЁё-]+", n)]
    found: list[str] = []
    for name in single:
        for word, pos in _candidates(name):
            if vocab.word_is_known(word) and any(_is(p, pos) for p in vocab.parse(word)
                                                 if p.normal_form == word):
                found.append(word)
    for name in names:
        words = name.split()
        if len(words) < 2:
            continue
        for word in words:
            for parse in vocab.parse(word)[:1]:
                lemma = fold(parse.normal_form)
                if ("ADJF" in parse.tag and vocab.word_is_known(word)
                        and any(lemma[:4] == s[:4] for s in single)):
                    found.append(lemma)
    return [w for w in dict.fromkeys(found) if w not in {fold(n) for n in names}]


def _is(parse, pos: str) -> bool:
    if pos == "NOUN":
        return "NOUN" in parse.tag and "anim" in parse.tag and "Surn" not in parse.tag and "Name" not in parse.tag
    return pos in parse.tag
