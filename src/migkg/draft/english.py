"""The English front end: razdel tokens and sentences, regular patterns for names and organisations.

No statistical model: spaCy's and similar models are downloads, and press releases name
people in a few fixed ways that patterns catch well — after an honorific («Mr. Tomas
Lindqvist»), after a title («Deputy Director General Helena Marsh»), before a title
(«Helena Marsh, Deputy Director General»), before a reporting verb («Helena Marsh said»),
or at the head of a contact line («IOM: Sara Kemal, Tel: …»). Known actors are found by
the registry gazetteer, which always wins over these patterns (see :mod:`.persons`).
"""
from __future__ import annotations

import re

from razdel import tokenize

from migkg.draft.lexicon import ENGLISH
from migkg.draft.text import Analysis, NameSpan, OrgSpan, Token, fold, mask_footnote_marks, sentences

CONNECTORS = frozenset({"of", "for", "on", "and", "the", "in", "de", "to"})
ORG_HEADS = frozenset({"union", "organization", "organisation", "office", "agency", "commission", "council",
                       "fund", "programme", "program", "bank", "centre", "center", "secretariat", "ministry",
                       "government", "institute", "committee", "authority", "service", "network",
                       "foundation", "partnership", "department", "mission", "bureau"})
NOT_NAME_WORDS = frozenset({"the", "a", "an", "it", "he", "she", "they", "we", "our", "this", "that", "at",
                            "in", "on", "for", "opening", "speaking", "mr", "ms", "mrs", "dr", "hon", "mp", "tel", "email",
                            "e-mail", "phone", "mobile", "fax", "press", "release", "january", "february",
                            "march", "april", "may", "june", "july", "august", "september", "october",
                            "november", "december", "minister", "ministers", "director", "general", "deputy",
                            "representative", "process", "conference", "declaration", "republic", "state",
                            "states", "government", "excellency", "ambassador", "president", "chair", "head",
                            "secretary", "commissioner", "high", "office", "more", "information",
                            "please", "contact", "after", "when", "while", "also", "both", "since"})
#: the nouns a minister's or an official's remit ends in: a name starts after them ("Minister of Interior Ibrahim
#: Danladi Musa said", "Deputy Minister for Foreign Affairs Efua Mensah-Boateng, who led", "State Secretary for
#: Security Policy Gábor Vörös told")
REMIT_WORDS = frozenset({"affairs", "interior", "labour", "labor", "migration", "immigration", "emigration",
                         "development", "employment", "welfare", "justice", "security", "protection", "relations",
                         "resources", "services", "trafficking", "smuggling", "refugees", "workers", "diaspora",
                         "abroad", "overseas", "expatriates", "nationals", "emiratisation", "policy", "management",
                         "cooperation", "integration", "citizenship", "asylum", "borders", "operations"})
#: nouns and modifiers of titles: a capitalised run holding one is a title, not a person's or a body's name
#: («RSO Co-Manager Budi Santoso said», «Additional Secretary of the Ministry»); a hyphenated word counts
#: when one of its parts is one
TITLE_WORDS = frozenset({"minister", "ministers", "director", "deputy", "representative", "ambassador", "president",
                         "chair", "chairman", "chairwoman", "chairperson", "co-chair", "head", "secretary",
                         "commissioner", "manager", "officer", "chief", "spokesperson", "spokesman",
                         "spokeswoman", "adviser", "advisor", "coordinator", "envoy", "consul", "counsellor",
                         "counselor", "permanent", "additional", "assistant", "vice", "undersecretary", "mayor",
                         "governor", "premier", "executive", "senior", "principal", "acting"})
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’-]*"
_INITIAL = r"[A-Z]\.\s+"
"""A middle initial inside a name ("Bernardo P. Villaluz"): a capital, a full stop and a space."""
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_INITIAL})?{_NAME_WORD}){{0,3}}"


def analyse(text: str) -> Analysis:
    masked = mask_footnote_marks(text)
    tokens = [Token(t.start, t.stop, t.text, _lemma(t.text)) for t in tokenize(masked)]
    analysis = Analysis(text, "en", tokens, sentences(masked))
    analysis.names.extend(_names(text))
    analysis.organisations.extend(_organisations(analysis))
    return analysis


def _lemma(word: str) -> str:
    return fold(word)


def _title_pattern() -> str:
    heads = sorted((" ".join(h) for h in ENGLISH.title_heads), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) if w in ("of", "the") else re.escape(w.capitalize()) if "-" not in w else
                                "-".join(p.capitalize() for p in w.split("-")) for w in h.split())
                    for h in heads)


_TITLES = _title_pattern()
_TITLE_HEADS = "|".join(sorted((w.capitalize() for w in TITLE_WORDS if "-" not in w), key=len, reverse=True))
_PARTICLES = "|".join(("Al", "al", "El", "el", "bin", "ibn", "van", "von", "de", "da", "del", "di", "dos"))
_HONORIFIC = r"\b(?:Mr|Mrs|Ms|Dr|Prof|Hon|H\.\s?E)\.?"
_VERBS = "|".join(sorted(ENGLISH.reporting_verbs))
_PATTERNS = (
    ("honorific", re.compile(rf"{_HONORIFIC}\s+(?P<name>{_NAME})")),
    ("title before the name", re.compile(rf"\b(?:{_TITLES})\s+(?P<name>{_NAME})")),
    # "Italy's Special Envoy for Migration, Giulia Ferrante, said": a title, a comma, the name between commas (or
    # ending the sentence: "opened by Guatemala's Vice Minister of Foreign Affairs, Lucía Orellana Paiz.")
    ("title and a comma before the name", re.compile(
        rf"\b(?:{_TITLES})(?:\s+(?:of|for|the|and|at|on|in|[A-Z][\w'’-]*))*,\s+(?:{_HONORIFIC}\s+)?"
        rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})(?=,|\s+(?:{_VERBS})\b|[.;](?:\s|$))")),
    ("title after the name", re.compile(rf"(?P<name>{_NAME}),\s+(?:the\s+)?(?:[A-Z]{{2,8}}\s+)?(?:{_TITLES})\b")),
    # "Saeed Al Mazrouei, Assistant Undersecretary for …", "Pieter van Damme, Head of Unit at …": words before the
    # title's head, a particle inside the name
    ("title with its modifiers after the name", re.compile(
        rf"(?:^|(?<=[.!?] )|(?<=\n)|(?<=, ))(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),\s+(?:[A-Z][a-z]+\s+){{1,2}}"
        rf"(?:{_TITLES})\b")),
    ("particle inside the name, title after it", re.compile(
        rf"(?:^|(?<=[.!?] )|(?<=\n))(?P<name>{_NAME_WORD}\s+(?:van|von|de|der|da|del|di)\s+{_NAME_WORD}),\s+(?:{_TITLES})\b")),
    # "… Development Zulfiqar Ahmed Qureshi, who inaugurated the meeting, said": a name before ", who" and a verb of
    # opening or speaking (the name's first word kept: the title before it has run into no name word)
    ("name before a relative clause", re.compile(
        rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),\s+who\s+(?:opened|inaugurated|chaired|led|headed|{_VERBS})\b")),
    # «Dewi Sari, director for the protection of citizens at the ministry, said…»: a name opening a sentence, an
    # apposition in lower case between commas, a reporting verb
    ("apposition and reporting verb", re.compile(rf"(?:^|(?<=[.!?] )|(?<=\n))(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),"
                                                 rf"\s+[a-z][^,.;:\"“”\n]{{2,120}},\s+(?:{_VERBS})\b")),
    # "Karolina Weiss of the European Commission's Directorate-General …, who co-chairs the Panel, said": a name
    # opening a sentence, the body it is of after it, a reporting verb later in the sentence
    ("name of a body", re.compile(rf"(?:^|(?<=[.!?] )|(?<=\n))(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\s+of\s+"
                                  rf"the\s+[A-Z][^.;\n]{{0,160}}\b(?:{_VERBS})\b")),
    # "was headed by Ambassador for People Smuggling and Human Trafficking Gregory Halloran.", "is represented by
    # Assistant Undersecretary Khalid Al Mazrouei of the Ministry …": the agent of a passive, a title (its head one of
    # the title words, its remit in capitals and small words), then the name where the clause ends
    ("title after by, the name ending the clause", re.compile(
        rf"\bby\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,3}}?(?:{_TITLE_HEADS})(?:\s+(?:of|for|and|the|on|in|[A-Z][\w'’-]*))*?"
        rf"\s+(?<!\band )(?<!\bof )(?<!\bfor )(?<!\bthe )(?<!\bon )(?<!\bin )"  # not a remit's end: "… and Home Affairs."
        rf"(?P<name>{_NAME_WORD}\s+(?:(?:{_PARTICLES})\s+)?{_NAME_WORD})"
        rf"(?=\s*[,.;:(]|\s+(?:of\s+the|who|and\s+by|{_VERBS})\b)")),
    ("reporting verb", re.compile(rf"(?P<name>{_NAME_WORD}\s+{_NAME_WORD}(?:\s+{_NAME_WORD})?)\s+(?:{_VERBS})\b")),
    ("after a reporting verb", re.compile(rf"\b(?:{_VERBS})\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\b")),
    # a family name alone («," Baimukhanov said»): kept only when it is a person named before (see .actors)
    ("family name and reporting verb", re.compile(rf"(?P<name>{_NAME_WORD})\s+(?:{_VERBS})\b")),
    ("reporting verb and family name", re.compile(rf"\b(?:{_VERBS})\s+(?P<name>{_NAME_WORD})(?=[\s,.;:])")),
    ("contact line", re.compile(rf"(?m)^[^\n:]{{2,60}}:\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),")),
    # "Rini Astuti, +62 21 …, media@…": a name opening a line, its phone number or e-mail address after a comma
    ("name before a phone or an address", re.compile(
        rf"(?m)^[ \t]*(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}}),[ \t]*(?:\+?\(?\d[\d ()-]{{5,}}|[\w.-]+@)")),
)


def _names(text: str) -> list[NameSpan]:
    found: dict[tuple[int, int], NameSpan] = {}
    # words the text also writes in lower case are common words: "Human Trafficking Andrew Pellham told" (the end
    # of a title), "human trafficking networks"
    common = set(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+(?![\w'’-])", text))
    for method, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("name")
            words = [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
            # a remit's last noun ("… for Foreign Affairs Efua Mensah-Boateng, who"), a body's head noun ("… the State
            # Migration Service Rauf Guliyev said") end a title: the name starts after them
            while words and (_not_name(words[0][2]) or fold(words[0][2]) in ORG_HEADS | REMIT_WORDS):
                words.pop(0)
            while words and _not_name(words[-1][2]):
                words.pop()
            while len(words) > 2 and words[0][2].lower() in common:
                words.pop(0)
            if len(words) > 2 and _title_runs_into(text[:words[0][0]]) and not _particle_inside(words) \
                    and method != "name before a relative clause":
                words.pop(0)  # "State Secretary for Security Policy Gábor Vörös told": "Policy" ends the title
            if not words or any(_not_name(w) for *_, w in words):
                continue
            if method == "name before a relative clause" and re.search(r"\b(?:and|of|for)\s+$", text[:words[0][0]]):
                continue  # "Botswana's Minister of Labour and Home Affairs, who chaired": the end of a title's remit
            if method == "name of a body" and any(fold(w) in ORG_HEADS for *_, w in words):
                continue  # "Ministry of the Interior …": a body's name, not a person's
            start, end = words[0][0], words[-1][1]
            name_words = [w for *_, w in words]
            key = (start, end)
            if key not in found and not any(s <= start and end <= e for s, e in found):
                found = {k: v for k, v in found.items() if not (start <= k[0] and k[1] <= end)}
                found[key] = NameSpan(start, end, " ".join(name_words), tuple(fold(w) for w in name_words),
                                      f"English name pattern ({method})")
    return sorted(found.values(), key=lambda n: n.start)


#: particles inside a family name ("Ahmed Al Suwaidi", "Omar bin Saleh", "Jan van Dijk", "Rui da Costa")
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "de", "da", "dos", "del", "di"})


def _particle_inside(words: list) -> bool:
    """Whether the middle word of a three-word name is a particle of its family name: then the three are the name
    ("Under-Secretary for Human Resources Ahmed Al Suwaidi said"), whatever comes before them."""
    return len(words) == 3 and fold(words[1][-1]) in NAME_PARTICLES


def _title_runs_into(before: str) -> bool:
    """Whether the words before a three-word name show its first word to end a title or a body's name: a
    capitalised word that is no title ("for Central Asia Hans Lindqvist said", "the State Migration Service Rauf
    Guliyev said"), or a preposition of a title ("for Security Policy ..."). After a title's own noun ("Foreign
    Minister Mariama Sarr Ndoye") or an honorific, three words are the name."""
    last = re.search(r"([\w'’-]+)[ \t]+$", before)
    if last is None:
        return False
    word = last.group(1)
    if word.lower() in ("for", "of", "at", "on", "the", "and", "in", "to", "with", "from"):
        return True  # "IOM Chief of Mission in Bangladesh Henrik Sorensen said": "Bangladesh" ends the title
    return _capitalised(word) and not _not_name(word) and fold(word) not in REMIT_WORDS  # "Interior Ibrahim …"


def _not_name(word: str) -> bool:
    key = fold(word).strip(".,")
    return key in NOT_NAME_WORDS or is_title_word(key)


def is_title_word(word: str) -> bool:
    """Whether a word is (or, hyphenated, holds) a title's noun or modifier: «Co-Manager», "Secretary"."""
    key = fold(word).strip(".,")
    return key in TITLE_WORDS or ("-" in key and any(part in TITLE_WORDS for part in key.split("-")))


def proper_phrases(analysis: Analysis) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, joined by «of», «for», «and», «the»… when a capital follows."""
    tokens = analysis.tokens
    runs, index = [], 0
    while index < len(tokens):
        if not _capitalised(tokens[index].text):
            index += 1
            continue
        end = index
        probe = index + 1
        while probe < len(tokens):
            word = tokens[probe].text
            gap = analysis.text[tokens[probe - 1].end:tokens[probe].start]
            if "\n" in gap or gap not in (" ", ""):
                break
            if _capitalised(word):
                end = probe
                probe += 1
            elif word in ("'", "’") and gap == "" and _capitalised(tokens[probe - 1].text):
                probe += 1  # «Expatriates' Welfare»: a possessive inside a name
            elif word.lower() in CONNECTORS:
                probe += 1
            else:
                break
        runs.append((tokens[index].start, tokens[end].end))
        index = end + 1
    return runs


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.isalpha() for c in word)


def _organisations(analysis: Analysis) -> list[OrgSpan]:
    found = []
    for run in proper_phrases(analysis):
        start, end = run
        words = analysis.text[start:end].split()
        if words and fold(words[0]) == "the":
            words = words[1:]
        if words and is_title_word(words[0]):
            # «Permanent Secretary of the Ministry of X of Thailand Kanokwan Srisuk»: a title; the body it names
            # starts at its head noun and ends before the person's name
            span = _body_in_title(analysis, start, end)
            if span is None:
                continue
            start, end = span
            words = analysis.text[start:end].split()
        if any(fold(w) in ORG_HEADS for w in words):
            found += _conjuncts(analysis, start, end)
    return found


def _conjuncts(analysis: Analysis, start: int, end: int) -> list[OrgSpan]:
    """«The European Commission and Frontex»: two bodies when the words before «and» are a whole name (ending in
    its head noun, with no «of» or «for» whose remit «and» could continue: «Ministry of Labour and Social
    Protection» is one) and those after it are a name of one word or end in a head noun of their own; or when
    those after it are an article and a name ending in a head noun («… of Azerbaijan and the European Commission»)."""
    text = analysis.text
    whole = OrgSpan(start, end, text[start:end], "English proper-name pattern")
    joined = re.search(r"\s+and\s+", text[start:end])
    if joined is None:
        return [whole]
    first = re.sub(r"^(?:the|The)\s+", "", text[start:start + joined.start()])
    second = text[start + joined.end():end]
    first_words, second_words = first.split(), re.sub(r"^(?:the|The)\s+", "", second).split()
    if not second_words or " and " in second:
        return [whole]
    # «… of the Republic of Azerbaijan and the European Commission»: an article and a name ending in its head noun
    # after «and» start a second body, whatever the first's remit
    # "UNHCR and the International Committee of the Red Cross", "the Kenyan Government and the Government of
    # Ghana": an acronym, or a name ending in its head noun, then an article and a name holding a head noun
    first_whole = bool(re.fullmatch(r"[A-Z]{2,8}", first)) or (len(first_words) >= 2 and fold(first_words[-1]) in ORG_HEADS)
    second_body = re.match(r"(?:the|The)\s", second) is not None and len(second_words) >= 2 and (
        (fold(second_words[-1]) in ORG_HEADS and len(first_words) >= 2)
        or (first_whole and any(fold(w) in ORG_HEADS for w in second_words)))
    if not second_body and (len(first_words) < 2 or fold(first_words[-1]) not in ORG_HEADS
                            or any(fold(w) in ("of", "for", "on", "and") for w in first_words)
                            or not (len(second_words) == 1 or fold(second_words[-1]) in ORG_HEADS)):
        return [whole]
    first_start = start + joined.start() - len(first)
    second_start = start + joined.end() + (len(second) - len(" ".join(second_words)))
    return [OrgSpan(first_start, start + joined.start(), first, "English proper-name pattern (one of two joined by «and»)"),
            OrgSpan(second_start, end, text[second_start:end], "English proper-name pattern (one of two joined by «and»)")]


def _body_in_title(analysis: Analysis, start: int, end: int) -> tuple[int, int] | None:
    """The name of a body inside a title's run of capitalised words: from its head noun (Ministry, Office…)
    to the run's end or the first person's name, without a trailing «of»; None when it has no head noun."""
    text = analysis.text
    head = next((m for m in re.finditer(r"\S+", text[start:end]) if fold(m.group()) in ORG_HEADS), None)
    if head is None:
        return None
    body_start = start + head.start()
    body_end = min([n.start for n in analysis.names if body_start < n.start < end] + [end])
    while True:
        trimmed = re.sub(r"\s+(?:of|for|on|and|the|in|de|to)\s*$", "", text[body_start:body_end].rstrip())
        if len(trimmed) == body_end - body_start:
            break
        body_end = body_start + len(trimmed)
    return (body_start, body_end) if len(text[body_start:body_end].split()) >= 2 else None


def phrase_keys(phrases: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Surface keys of each phrase (English is matched as written, folded to lower case)."""
    keys = []
    for phrase in phrases:
        surface = tuple(_lemma(t.text) for t in tokenize(phrase))
        keys.append((surface, surface))
    return keys


# --------------------------------------------------------------------------- states by adjective

#: how English makes a country's adjective (and demonym) from its name: Kazakhstan → Kazakhstani,
#: Kazakh; Azerbaijan → Azerbaijani; Iran → Iranian; Japan → Japanese; Russia → Russian;
#: Sri Lanka → Sri Lankan; Hungary → Hungarian; Turkey → Turkish; Ukraine → Ukrainian.
#: A rule may make a word no one writes («Japani»): it is never found, so it costs nothing.
#: A word two states' rules make («Nigerian»: Nigeria, Niger) is dropped by the gazetteer.
_ENDING_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("istan", ("istani", "", "")),
    ("stan", ("stani", "")),
    ("ia", ("ian",)),
    ("a", ("an", "ese")),
    ("ey", ("ish",)),
    ("y", ("ian",)),
    ("e", ("ian",)),
    ("o", ("an",)),  # Morocco → Moroccan, Mexico → Mexican
    ("", ("i", "ian", "ese")),
)


def state_adjectives(names: list[str]) -> list[str]:
    """Adjectives and demonyms of a state from its English names (ISO 3166 via pycountry, and aliases).

    PyPI's countryinfo has one demonym per country, in older spellings that releases of
    this region do not use (Kirghiz, Tadzhik, Kazakhstani but not Kazakh), so the forms are
    made here by English's own endings from the names pycountry keeps up to date; plus an
    adjective a longer official name starts with when it shares its first four letters with
    a short name («Kyrgyz Republic» → Kyrgyz). Plurals of demonym nouns (Kazakhs,
    Azerbaijanis) are added.
    """
    single = [n for n in names if re.fullmatch(r"[A-Z][a-z]+", n)]
    found: list[str] = []
    for name in single:
        for ending, replacements in _ENDING_RULES:
            if not name.endswith(ending):
                continue
            stem = name[:len(name) - len(ending)]
            for replacement in replacements:
                if replacement == "" and len(stem) < 5:
                    continue  # «Pak» is not a demonym
                found.append(stem + replacement)
            break
    for name in names:
        if re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+a", name):
            found.append(f"{name}n")  # Sri Lankan, South Korean, Costa Rican
        words = name.split()
        if len(words) > 1 and words[0][:4] in {s[:4] for s in single} and words[0] not in single:
            found.append(words[0])  # Kyrgyz Republic, Russian Federation
    found = [f for f in found if f not in names and len(f) >= 4]
    plurals = [f"{f}s" for f in found if not f.endswith(("sh", "ch", "ese", "s", "z"))]
    return list(dict.fromkeys(found + plurals))
