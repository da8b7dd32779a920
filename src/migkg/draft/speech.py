"""Direct quotes, reported speech and joint outcomes, each with its speaker.

* A **direct quote** is the text inside «…», “…” or "…" (at least four words). Its speaker
  is, in this order: the one a reporting clause right after it names («," Mr. Lindqvist
  said»; «," she said»), the subject of a clause ending in a colon right before it
  («подчеркнул: «…»»), or the last speaker before it when nobody else was named in between.
* **Reported speech** starts at a reporting verb (отметил, подчеркнул, призвал…; said,
  stressed, called on…) outside quotes and runs to the end of its sentence, or to the next
  reporting verb joined by «и»/«and». Its speaker is the subject before the verb: the last
  person named, a pronoun (the last speaker), a title (the post's holder) or a body. A
  sentence split by a footnote continues after it. A following sentence of the same
  paragraph with no speaker, verb or quote of its own is attributed to the same speaker,
  with low confidence, as the seed card does by hand.
* A **joint outcome** is a sentence whose collective subject (страны, participants…)
  agreed, adopted… something; its speakers are the event's participants.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from migkg.draft.actors import AGENT_TYPES, BODY_TYPES, Actor, Actors
from migkg.draft.lexicon import Lexicon
from migkg.draft.posts import Title
from migkg.draft.text import Analysis, Token, fold, is_footnote

OFFICIALS_HOW = "officials of the state named before the verb"
QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"), ('"', '"'))
MIN_QUOTE_WORDS = 4
END_PUNCTUATION = ".!?…;"
#: «as X noted, …» / «как отметил X, …»: a reporting verb in a clause that only names the source (its speech
#: is the main clause); at the start of a sentence the main clause is what was said
AS_SAID = {"ru": r"как", "en": r"as"}
#: «по его словам, …», «по словам X, …», "according to X, …": the rest of the sentence is what X said
ACCORDING_TO = {"ru": r"^\W*по\s+(?:(?P<pronoun>его|ее|её)\s+)?словам\b", "en": r"^\W*according\s+to\b"}
#: the unnamed people of a body as speakers: "Kazakh officials said", «представители МИД … сообщили»
OFFICIALS = {"ru": r"представител\w+|официальн\w+\s+лиц\w*|в\s+(?:\w+\s+)?(?:делегаци\w+|МИД\w*|министерств\w+|"
                   r"пресс-служб\w+|ведомств\w+)|"
                   # «Узбекская делегация предложила», «киргизские эксперты» («казахстанская сторона» is the state)
                   r"делегаци\w+|эксперт\w*",
             "en": r"(?:\w+\s+)?(?:officials|representatives|authorities|sources)|"
                   r"delegations?|experts"}  # "the Afghan delegation described", "Kyrgyz experts presented"
#: the nouns after a state's adjective that name its unnamed officials in a fronted source («Как отметили в
#: пакистанской делегации, …», "As Kazakh officials noted, …")
OFFICIAL_BODIES = {"ru": r"делегаци\w+|МИД\w*|министерств\w+|пресс-служб\w+|ведомств\w+|представител\w+",
                   "en": r"officials|delegation|representatives|authorities"}
#: a collective subject that stands for the participants of the meeting («Стороны отметили», "Delegates
#: welcomed", «Представители десяти государств … договорились», «государства – члены процесса договорились»)
PARTICIPANT_SUBJECTS = {
    "ru": r"(?:участник\w*|стороны|делегаты|старшие\s+должностные\s+лица|представители(?:\s+\S+){0,2}\s+(?:государств|стран)|"
          r"государства\s*[–—-]\s*члены|страны[\s-]участниц\w*|государства[\s-]участник\w*)",
    "en": r"(?:the\s+)?(?:participants|parties|delegates|senior\s+officials|participating\s+(?:states|countries|governments)|"
          r"representatives\s+of\s+(?:the\s+)?(?:\w+\s+){0,2}(?:states|countries))"}
#: a lead-in before the subject of a joint outcome: «По итогам встречи стороны…», "At the close of the meeting, the
#: participants…"; the meeting it names is not the subject
LEAD_IN = (r"^\s*(?:по\s+итогам\s+\w+|в\s+ходе\s+\w+|at\s+the\s+(?:end|close)\s+of\s+the\s+\w+|following\s+the\s+\w+)"
           r"\s*,?\s*")
#: who the collective subject are, by the states they come from: "senior officials from Bali Process member
#: countries", «представители государств – членов процесса»; a process named there is not a speaker of its own
MEMBER_STATES = {"ru": r"(?:\s+(?:из\s+)?(?:\S+\s+){0,3}?(?:стран|государств)\w*(?:\s*[–—-]\s*член\w*)?)?",
                 "en": r"(?:\s+(?:from|of)\s+(?:the\s+)?(?:\S+\s+){0,4}?(?:member\s+)?(?:countries|states))?"}
#: a dateline, agency or byline before a dash that opens a sentence («КАЗИНФОРМ /Имя/ – …», "DENPASAR, Indonesia,
#: March 7 (Xinhua) -- …"): what follows it are the sentence's own words
BYLINE = r"[^.\n–—]{0,80}?\s(?:[–—]|--)\s+"
#: a reporting verb's complement that only says whom it was told to ("," Pellham told the meeting."): an attribution
ADDRESSEES = {"ru": r"(?:участникам|журналистам|корреспонденту|собравшимся|прессе)(?:\s+\S+){0,2}",
              "en": r"(?:the\s+)?(?:meeting|conference|participants|delegates|reporters|journalists|press|audience|"
                    r"gathering|session)"}
AFTER_QUOTE = 200
"""How far after a quote its attribution may run («», – заявил … глава делегации, заместитель министра … Имя»)."""


@dataclass
class Speech:
    """One statement before it becomes a card fact."""

    kind: str
    speaker: str
    spans: list[tuple[int, int]]
    method: str
    confidence: float
    verb: tuple[int, int] | None = None
    subject: tuple[int, int] | None = None
    type: str = "statement"
    on_behalf_of: str | None = None
    note: str | None = None
    #: said by a group rather than by ``speaker``: ``officials`` (of the state ``speaker``), or ``participants``
    #: (of the event the release reports; ``speaker`` is then empty)
    group: str | None = None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """The inside of every quotation of four words or more, without outer spaces or a trailing comma."""
    found: list[tuple[int, int]] = []
    for opening, closing in QUOTE_PAIRS:
        if opening == closing:
            pattern = re.compile(rf"{re.escape(opening)}([^{re.escape(opening)}\n]+){re.escape(closing)}")
        else:
            pattern = re.compile(rf"{re.escape(opening)}([^{re.escape(closing)}\n]+){re.escape(closing)}")
        for match in pattern.finditer(text):
            start, end = match.span(1)
            inner = text[start:end]
            start += len(inner) - len(inner.lstrip())
            inner = inner.strip()
            trimmed = inner.rstrip(",;: ")
            if len(trimmed.split()) >= MIN_QUOTE_WORDS and not any(s <= start < e for s, e in found):
                found.append((start, start + len(trimmed)))
    return sorted(found)


class SpeechFinder:
    def __init__(self, analysis: Analysis, actors: Actors, titles: list[Title], holders: dict[str, str],
                 lexicon: Lexicon, body_end: int):
        self.analysis, self.actors, self.titles, self.holders = analysis, actors, titles, holders
        self.lexicon, self.body_end = lexicon, body_end
        self.quotes = [q for q in find_quotes(analysis.text) if q[1] <= body_end]
        self.persons = [m for m in actors.mentions if m.type == "person" and m.end <= body_end
                        and not self._in_quote(m.start) and not self._in_title(m)]
        self.speeches: list[Speech] = []

    # ------------------------------------------------------------------ helpers

    def _in_quote(self, offset: int) -> bool:
        return any(s - 1 <= offset < e + 1 for s, e in self.quotes)

    def _in_title(self, mention: Actor) -> bool:
        return any(t.start <= mention.start and mention.end <= t.end for t in self.titles)

    def _is_verb(self, token: Token, verbs: frozenset[str]) -> bool:
        if self.analysis.language == "ru":
            return (token.lemma in verbs and token.pos == "VERB"
                    and token.feats.get("VerbForm") not in ("Part", "Conv"))
        return token.key in verbs

    def _last_speaker_before(self, offset: int) -> Speech | None:
        earlier = [s for s in self.speeches if s.spans[0][0] < offset]
        return max(earlier, key=lambda s: s.spans[0][0]) if earlier else None

    def _subject(self, start: int, end: int) -> tuple[str, tuple[int, int], str, float] | None:
        """Who a clause ``text[start:end]`` names as its subject: (id, span, how, confidence)."""
        text = self.analysis.text
        persons = [m for m in self.persons if start <= m.start and m.end <= end]
        if persons:
            last = persons[-1]
            return last.entity, (last.start, last.end), "the person named before the verb", 0.8
        for token in reversed(self.analysis.tokens_in(start, end)):
            if token.key in self.lexicon.pronouns_person:
                # the person named last, when named after the last speaker's words («… возглавил Бакыт Осмоналиев. Он
                # поблагодарил …»), else the last speaker
                person = self._last_named(token.start)
                if person:
                    return person, (token.start, token.end), "a pronoun: the last speaker", 0.7
        held = [(t, self.holders[t.post]) for t in self.titles
                if start <= t.start and t.end <= end and t.post is not None and t.post in self.holders]
        if held:
            title, holder = held[-1]
            return holder, (title.start, title.end), "a title: the post's holder", 0.7
        bodies = [m for m in self.actors.mentions if start <= m.start and m.end <= end and m.type in BODY_TYPES
                  and not any(t.start <= m.start and m.end <= t.end for t in self.titles)]
        if bodies and re.fullmatch(
                rf"\s*(?:{OFFICIALS[self.analysis.language]})\s*", text[bodies[-1].end:end], re.I):
            last = bodies[-1]  # "Kazakh officials said", "EU officials said": officials of the state or body, not it
            return last.entity, (last.start, end), OFFICIALS_HOW, 0.6
        if bodies and not re.search(r"[,;:]\s*$", text[bodies[-1].end:end]):
            last = bodies[-1]
            return last.entity, (last.start, last.end), "the body named before the verb", 0.6
        return None

    def _last_named(self, offset: int) -> str | None:
        """Who «his words» refer to: the person named last before ``offset``, or the last speaker when no person
        was named after that speaker's words began."""
        previous = self._last_speaker_before(offset)
        earlier = [m for m in self.persons if m.end <= offset]
        if earlier and (previous is None or earlier[-1].start > previous.spans[-1][1]):
            return earlier[-1].entity
        return previous.speaker if previous and previous.speaker else None

    def _last_person_before(self, offset: int) -> str | None:
        earlier = [m for m in self.persons if m.end <= offset]
        return earlier[-1].entity if earlier else None

    # ------------------------------------------------------------------ quotes

    def quote_speeches(self) -> list[Speech]:
        text = self.analysis.text
        found: list[Speech] = []
        for start, end in self.quotes:
            speaker = self._after_quote(end) or self._colon_before(start)
            if speaker is None:
                previous = [s for s in found + self.speeches if s.spans[-1][1] <= start]
                last = max(previous, key=lambda s: s.spans[-1][1]) if previous else None
                between = [m for m in self.persons if last and last.spans[-1][1] <= m.start < start]
                if last and not between:
                    speaker = (last.speaker, None, "the last speaker, nobody else named since", 0.6, None)
            if speaker is None:
                continue
            entity, subject, how, confidence, verb = speaker
            if found and found[-1].speaker == entity and _only_attribution(text[found[-1].spans[-1][1]:start]):
                found[-1].spans.append((start, end))  # one quote broken by «," she said. "»
                continue
            found.append(Speech("direct-quote", entity, [(start, end)], f"quotation marks; speaker: {how}",
                                confidence, verb=verb, subject=subject,
                                group="officials" if OFFICIALS_HOW in how else None))
        self.speeches += found
        return found

    def _after_quote(self, end: int):
        text = self.analysis.text
        tail_end = min(self.analysis.sentence_of(end + 2)[1], end + AFTER_QUOTE,
                       self.analysis.paragraph_of(end)[1] or end + AFTER_QUOTE)
        closing = end
        while closing < len(text) and text[closing] in ',;:.!?…"»”“ –—-':
            closing += 1
            if closing - end > 4:
                break
        tail = (closing, max(tail_end, closing))
        verbs = [t for t in self.analysis.tokens_in(*tail) if self._is_verb(t, self.lexicon.reporting_verbs)]
        if not verbs or self._in_quote(verbs[0].start):
            return None
        verb = (verbs[0].start, verbs[0].end)
        persons = [m for m in self.persons if tail[0] <= m.start and m.end <= tail[1]]
        before = [m for m in persons if m.end <= verb[0]]
        after = [m for m in persons if m.start >= verb[1]]
        if before or after:  # «," Mr. Holm said», «," said Rashida Karim, Additional Secretary…, who chaired…»
            person = before[-1] if before else after[0]
            how = "the person named before the verb" if before else "the person named after the verb"
            return person.entity, (person.start, person.end), f"named after the quote ({how})", 0.9, verb
        subject = self._subject(tail[0], tail[1])
        if subject is None or (subject[1][0] > verb[1] and subject[2].startswith("the body")):
            titled = self._title_after_verb(verb[1], tail[1])
            if titled is not None:
                return titled, None, "a title alone after the verb: the person last named", 0.6, verb
        if subject is None:
            return None
        entity, span, how, _confidence = subject
        return entity, span, f"named after the quote ({how})", 0.9, verb

    def _title_after_verb(self, verb_end: int, tail_end: int) -> str | None:
        """«», – подчеркнул замминистра.», "," the minister said": a common noun (a title) with no name
        stands for the person last named before it, when that person was named with a title."""
        words = [t for t in self.analysis.tokens_in(verb_end, tail_end) if t.text not in ",.;:!?–—-"]
        if not words or words[0].text[:1].isupper() or self.actors.within(verb_end, tail_end):
            return None
        if self.analysis.language == "ru" and words[0].pos not in ("NOUN", "ADJ"):
            return None
        if self.analysis.language == "en" and fold(words[0].text) not in ("the", "a"):
            return None
        earlier = [m for m in self.persons if m.end <= verb_end]
        titled = [m for m in earlier if any((t.end <= m.start + 2 and m.start - t.end < 4) or
                                            (m.end <= t.start and t.start - m.end < 4) for t in self.titles)]
        return titled[-1].entity if titled and titled[-1] is earlier[-1] else None

    def _colon_before(self, start: int):
        text = self.analysis.text
        head = text[:start].rstrip("«“„\" ")
        if not head.endswith((":", ",")):
            return None
        sentence_start = self.analysis.sentence_of(len(head) - 1)[0]
        tokens = self.analysis.tokens_in(sentence_start, len(head))
        verbs = [t for t in tokens if self._is_verb(t, self.lexicon.reporting_verbs)]
        if not verbs:
            return None
        subject = self._subject(sentence_start, verbs[-1].start)
        if subject is None:
            return None
        entity, span, how, _confidence = subject
        return entity, span, f"the clause introducing the quote ({how})", 0.9, (verbs[-1].start, verbs[-1].end)

    # ------------------------------------------------------------------ reported speech

    def reported_speeches(self) -> list[Speech]:
        """Reported speech of every sentence. Run it again after :meth:`quote_speeches`: a pronoun
        («He urged…») then finds a speaker named only after a quote («," said Mr. Holm»)."""
        self.speeches = [s for s in self.speeches if s.kind == "direct-quote"]
        found: list[Speech] = []
        for sentence in self.analysis.sentences:
            if sentence[0] >= self.body_end or is_footnote(self.analysis.text, sentence[0]):
                continue
            found += self._in_sentence(sentence, found)
        return found

    def _in_sentence(self, sentence: tuple[int, int], earlier: list[Speech]) -> list[Speech]:
        text = self.analysis.text
        tokens = self.analysis.tokens_in(*sentence)
        verbs = [t for t in tokens if self._is_verb(t, self.lexicon.reporting_verbs) and not self._in_quote(t.start)]
        verbs = [v for v in verbs if not self._bare_attribution(v, sentence)]
        fronted = self._fronted_source(sentence, verbs)
        if fronted is not None:
            return fronted
        verbs = [v for v in verbs if not self._as_said(v, sentence)]
        found: list[Speech] = []
        clause_start = self._subject_start(sentence[0])  # "DENPASAR, Indonesia (Xinhua) -- …": no subject there
        for index, verb in enumerate(verbs):
            subject_end = self._before_aside(clause_start, verb.start)
            subject: tuple[str, tuple[int, int] | None, str, float] | None = self._subject(clause_start, subject_end)
            if subject is None and index == 0 and self._participants_subject(clause_start, verb.start):
                speech = Speech("joint-outcome", "", [(self._subject_start(clause_start), self._end_of(sentence))],
                                f"a collective subject (the participants) and «{verb.text}»", 0.6,
                                verb=(verb.start, verb.end), group="participants")
                found.append(speech)
                break
            joined = index > 0 and self._joined(verbs[index - 1], verb)
            if joined and found and not self._has_agent(clause_start, verb.start):
                previous = found[-1]
                subject = previous.speaker, previous.subject, "the subject of the verb before", previous.confidence
            if subject is None:
                continue
            entity, subject_span, how, confidence = subject
            end = self._clause_end(verb, verbs[index + 1] if index + 1 < len(verbs) else None, sentence)
            complement = text[verb.end:end].strip()
            clause_start = end
            if len(complement.split()) < 2 or complement[:1] in ":«“„\"" or re.fullmatch(
                    ADDRESSEES[self.analysis.language], complement, re.I):
                self.speeches.append(Speech("attribution", entity, [(verb.start, verb.end)], how, confidence,
                                            verb=(verb.start, verb.end), subject=subject_span))
                continue
            spans = [(verb.start, end), *self._after_footnote(end)]
            speech = Speech("reported-speech", entity, spans, f"reporting verb «{verb.text}»; speaker: {how}",
                            confidence, verb=(verb.start, verb.end), subject=subject_span,
                            group="officials" if how == OFFICIALS_HOW else None)
            self._commitment(speech, verb, end)
            found.append(speech)
            self.speeches.append(speech)
        return found

    def mixed_quotes(self, reported: list[Speech], quotes: list[Speech]) -> list[Speech]:
        """«X said that the return of a migrant "must never be the end of the story."»: a reported clause that runs
        into a quote of the same speaker is that quote's beginning; the quote gets both spans, and the reported
        speech is left out (returned: the reported speeches kept)."""
        text, kept = self.analysis.text, []
        for speech in reported:
            end = speech.spans[-1][1]
            quote = next((q for q in quotes if q.speaker == speech.speaker and end <= q.spans[0][0]
                          and re.fullmatch(r"[\s,:]*[«“„\"]", text[end:q.spans[0][0]])), None)
            if speech.kind != "reported-speech" or quote is None:
                kept.append(speech)
                continue
            quote.spans[:0] = speech.spans
            if quote.verb is None:  # the reported clause names the speaker and the verb
                quote.verb, quote.subject, quote.confidence = speech.verb, speech.subject, speech.confidence
            quote.method += "; begun by a reported clause of the same speaker"
            self.speeches = [s for s in self.speeches if s is not speech]
        return kept

    def _end_of(self, sentence: tuple[int, int]) -> int:
        text, end = self.analysis.text, sentence[1]
        while end > sentence[0] and (text[end - 1] in END_PUNCTUATION or text[end - 1].isspace()):
            end -= 1
        return end

    def _subject_start(self, start: int) -> int:
        """Where a sentence's own words begin: after a byline or agency before a dash («КАЗИНФОРМ /Имя/ – …»)."""
        head = re.match(BYLINE, self.analysis.text[start:start + 90])
        if head and re.search(r"/|\b[A-ZА-ЯЁ]{3,}\b", head.group()):
            return start + head.end()
        return start

    def _participants_subject(self, start: int, verb_start: int) -> bool:
        """Whether the words before the verb are a collective subject standing for the participants, or «they»
        right after a sentence whose subject was the participants."""
        text, language = self.analysis.text, self.analysis.language
        words = text[self._subject_start(start):verb_start]
        words = re.sub(LEAD_IN, "", words, flags=re.I)
        members = re.match(rf"\s*(?:{PARTICIPANT_SUBJECTS[language]}){MEMBER_STATES[language]}", words, re.I)
        if members and re.fullmatch(r"(?:\s+\w+){0,4}?\s*(?:also|также)?\s*", words[members.end():], re.I) \
                and not self.actors.within(start, verb_start, AGENT_TYPES - {"regional-consultative-process"}):
            return True
        if re.fullmatch(r"\s*(?:they|они)(?:\s+(?:also|также|then))?\s*", words, re.I):
            before = [s for s in self.analysis.sentences if s[1] <= start]
            if before:
                previous = self.analysis.text[self._subject_start(before[-1][0]):before[-1][1]]
                return re.match(rf"\s*(?:{PARTICIPANT_SUBJECTS[language]})\b", previous, re.I) is not None
        return False

    def _as_said(self, verb: Token, sentence: tuple[int, int]) -> bool:
        """«Казахстанская сторона, как сообщает пресс-служба МИД, предложила…»: a verb inside «, как …,» names a
        source of the sentence, not a statement of its own."""
        before = self.analysis.text[sentence[0]:verb.start]
        return re.search(rf"(?:^|,)\s*{AS_SAID[self.analysis.language]}\s+$", before, re.I) is not None

    def _before_aside(self, start: int, verb_start: int) -> int:
        """The end of a subject before a verb, without an aside that names a source («…, как сообщает X, …»)."""
        aside = re.search(rf",\s*{AS_SAID[self.analysis.language]}\s+[^,]+,\s*$",
                          self.analysis.text[start:verb_start], re.I)
        return start + aside.start() if aside else verb_start

    def _fronted_source(self, sentence: tuple[int, int], verbs: list[Token]) -> list[Speech] | None:
        """A sentence that begins by naming its source: «Как отметил, открывая встречу, замминистра … Имя, …»,
        «Как отметили в пакистанской делегации, …», «По его словам, …», "According to Ms Holm, …". What was
        said is the rest of the sentence after the comma that closes the source."""
        text, language = self.analysis.text, self.analysis.language
        start = self._subject_start(sentence[0])
        head = text[start:sentence[1]]
        according = re.match(ACCORDING_TO[language], head, re.I)
        as_said = verbs and re.match(rf"\W*{AS_SAID[language]}\s+$", text[start:verbs[0].start], re.I)
        if not according and not as_said:
            return None
        source_start = start + according.end() if according else verbs[0].end
        persons = [m for m in self.persons if source_start <= m.start < sentence[1]]
        entity, how, group, subject = None, "", None, None
        if according and according.groupdict().get("pronoun"):
            entity = self._last_named(start)
            how, subject = "a pronoun: the last speaker", (start, source_start)
            source_end = source_start
        elif persons:
            person = persons[0]
            entity, how, subject = person.entity, "the person named in the clause of the source", (person.start, person.end)
            source_end = person.end
        else:
            bodies = [m for m in self.actors.mentions if source_start <= m.start < sentence[1] and m.type == "state"]
            comma = text.find(",", bodies[0].end, sentence[1]) if bodies else -1
            if comma < 0 or not re.fullmatch(r"\s*(?:в|во|in|among)?\s*", text[source_start:bodies[0].start], re.I) \
                    or not re.fullmatch(rf"\s*(?:{OFFICIAL_BODIES[language]})\s*", text[bodies[0].end:comma], re.I):
                return None
            entity, how, group, subject = bodies[0].entity, OFFICIALS_HOW, "officials", (bodies[0].start, comma)
            source_end = bodies[0].end
        comma = text.find(",", source_end, sentence[1])
        if entity is None or comma < 0:
            return None
        said_start = comma + 1 + len(text[comma + 1:]) - len(text[comma + 1:].lstrip())
        said_end = self._end_of(sentence)
        if len(text[said_start:said_end].split()) < 3:
            return None
        verb = (verbs[0].start, verbs[0].end) if as_said else None
        speech = Speech("reported-speech", entity, [(said_start, said_end)],
                        f"the source named at the head of the sentence; speaker: {how}", 0.6, verb=verb,
                        subject=subject, group=group)
        self.speeches.append(speech)
        return [speech]

    def _bare_attribution(self, verb: Token, sentence: tuple[int, int]) -> bool:
        """«," he said.»: a verb that only attributes a quote just before it."""
        before = self.analysis.text[sentence[0]:verb.start]
        return any(sentence[0] <= e <= verb.start and len(before) and
                   _only_attribution(self.analysis.text[e:verb.start], allow_names=True)
                   for _, e in self.quotes)

    def _joined(self, first: Token, second: Token) -> bool:
        gap = self.analysis.tokens_in(first.end, second.start)
        return any(t.key in self.lexicon.and_words for t in gap[-3:])

    def _has_agent(self, start: int, end: int) -> bool:
        return any(start <= m.start and m.end <= end and m.type == "person" for m in self.persons)

    def _clause_end(self, verb: Token, next_verb: Token | None, sentence: tuple[int, int]) -> int:
        text = self.analysis.text
        end = sentence[1]
        if next_verb is not None and self._joined(verb, next_verb):
            and_tokens = [t for t in self.analysis.tokens_in(verb.end, next_verb.start)
                          if t.key in self.lexicon.and_words]
            end = and_tokens[-1].start
        for start, _ in self.quotes:
            if verb.end < start - 1 < end:
                end = start - 1
        while end > verb.end and (text[end - 1] in END_PUNCTUATION + ",:–—-«“„\"" or text[end - 1].isspace()):
            end -= 1
        return end

    def _after_footnote(self, end: int) -> list[tuple[int, int]]:
        """A sentence cut by a footnote («…вызовом для» / ¹ … / «стран региона.») goes on after it."""
        text = self.analysis.text
        paragraph = self.analysis.paragraph_of(end - 1)
        if paragraph[1] != end or text[end - 1] in END_PUNCTUATION:
            return []
        later = [p for p in self.analysis.paragraphs if p[0] >= paragraph[1]]
        if not later or not is_footnote(text, later[0][0]):
            return []
        following = next((p for p in later if not is_footnote(text, p[0])), None)
        if following is None or not text[following[0]].islower():
            return []
        match = re.search(r"[.!?…]", text[following[0]:following[1]])
        stop = following[0] + (match.start() if match else following[1] - following[0])
        return [(following[0], stop)]

    def _commitment(self, speech: Speech, verb: Token, end: int) -> None:
        """«заверил, что Казахстан…», «выразила готовность МОМ…»: a commitment of the body named."""
        tokens = self.analysis.tokens_in(verb.end, end)
        pledging = verb.lemma in self.lexicon.commitment_verbs or verb.key in self.lexicon.commitment_verbs
        if not pledging and not any(t.lemma in self.lexicon.commitment_nouns for t in tokens[:2]):
            return
        bodies = [m for m in self.actors.mentions if verb.end <= m.start and m.end <= end
                  and m.type in BODY_TYPES and m.entity != speech.speaker]
        if bodies:
            speech.type, speech.on_behalf_of = "commitment", bodies[0].entity
            speech.method += f"; a commitment of the body named after «{verb.text}»"

    def continuations(self, reported: list[Speech]) -> list[Speech]:
        """Sentences that go on with a speaker's statement without naming anyone (confidence 0.4)."""
        text = self.analysis.text
        found = []
        for speech in reported:
            if speech.group is not None or speech.kind != "reported-speech":
                continue  # a group's words are not continued by context
            end = speech.spans[-1][1]
            sentence = self.analysis.sentence_of(end - 1)
            paragraph = self.analysis.paragraph_of(end - 1)
            following = [s for s in self.analysis.sentences if s[0] >= sentence[1] and s[1] <= paragraph[1]]
            if not following:
                continue
            nxt = following[0]
            tokens = self.analysis.tokens_in(*nxt)
            if (any(self._in_quote(t.start) for t in tokens) or any(q[0] <= nxt[1] and nxt[0] <= q[1] for q in self.quotes)
                    or any(nxt[0] <= m.start < nxt[1] for m in self.persons)
                    or any(t.key in self.lexicon.pronouns_person for t in tokens)
                    or any(self._is_verb(t, self.lexicon.reporting_verbs | self.lexicon.joint_verbs) for t in tokens)
                    or any(s.spans[0][0] >= nxt[0] and s.spans[0][0] < nxt[1] for s in self.speeches)):
                continue
            stop = nxt[1]
            while stop > nxt[0] and text[stop - 1] in END_PUNCTUATION:
                stop -= 1
            found.append(Speech("reported-speech", speech.speaker, [(nxt[0], stop)],
                                "attributed by context: the next sentence of the paragraph names no speaker",
                                0.4, note="Attributed by context: the sentence continues the paragraph on this "
                                          "speaker's statement and names no speaker of its own."))
        return found

    # ------------------------------------------------------------------ joint outcomes

    def joint_outcomes(self, skip_before: int) -> list[tuple[int, int]]:
        """Sentences in which the participants agree: (start, end) of each, the dateline cut off."""
        found = []
        for sentence in self.analysis.sentences:
            if sentence[0] >= self.body_end or is_footnote(self.analysis.text, sentence[0]):
                continue
            tokens = self.analysis.tokens_in(*sentence)
            for index, token in enumerate(tokens):
                if not self._is_verb(token, self.lexicon.joint_verbs) or self._in_quote(token.start):
                    continue
                if index + 1 < len(tokens) and tokens[index + 1].lemma == "участие":
                    continue
                if any(t.lemma in self.lexicon.collective_subjects or t.key in self.lexicon.collective_subjects
                       for t in tokens[:index]):
                    found.append((max(sentence[0], skip_before), sentence[1]))
                    break
        return found


def _only_attribution(gap: str, allow_names: bool = False) -> bool:
    """Whether the text between two quotes (or a quote and a verb) only attributes them: «," she said. "»."""
    words = re.findall(r"[\w'-]+", gap)
    if allow_names:
        return len(words) <= 4 and re.fullmatch(r"[\s,.;:!?–—-]*[\"»”“]?[\s,.;:–—-]*[\w\s.'-]*", gap) is not None
    return len(words) <= 3 and re.fullmatch(r"[\s,.;:!?–—\"»”“«„-]*[\w\s'-]*[\s,.;:!?–—\"»”“«„-]*", gap) is not None


