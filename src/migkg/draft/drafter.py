"""From a release's raw text to a :class:`~.facts.DraftCard`: the steps in order, no I/O.

analyse (natasha or the English patterns) → find names (gazetteer) → resolve actors →
titles and posts → statements → the release header and the event → roles, processes,
claims, contacts. Each step is a module of this package; this one only wires them.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from migkg.cards.registry import Registry
from migkg.draft import english, russian
from migkg.draft.actors import Actors, note_spellings, resolve
from migkg.draft.claims import count_claims, duration_claims, member_counts
from migkg.draft.contacts import contacts_start, find_contacts
from migkg.draft.coreference import corefer, known_events
from migkg.draft.delegations import delegation_members, delegations_take_part
from migkg.draft.events import (
    organisation_participants,
    participants,
    place_proposal,
    processes,
    roles_around_verbs,
    roles_from_cues,
    subjects_taking_part,
)
from migkg.draft.facts import DraftCard, Drafted, DraftEvent, slug
from migkg.draft.gazetteer import Gazetteer, Mention, Name, actor_names, term_names
from migkg.draft.governance import Governance, find_governance
from migkg.draft.header import (
    Dateline,
    KindLine,
    Supplied,
    as_date,
    date_of_issue,
    find_dateline,
    find_kind_line,
    find_place_line,
    find_rubric_line,
    header_lines,
    publishers_and_authors,
    relative_dates,
    relays,
    release_kind,
    supplied_publisher,
    title_line,
    unknown_publisher_note,
)
from migkg.draft.lexicon import DOMAIN_LEXICONS, LEXICONS
from migkg.draft.meetings import Setting, find_meetings
from migkg.draft.places import places_in_states
from migkg.draft.posts import find_titles, posts_held
from migkg.draft.speech import BYLINE, LEAD_IN, PARTICIPANT_SUBJECTS, Speech, SpeechFinder
from migkg.errors import InputError, Location
from migkg.schema.vocabulary import Vocabulary

FRONT_ENDS = {"ru": russian, "en": english}
ACTOR_KINDS_MENTIONED = frozenset({"state", "government", "ministry", "intergovernmental-organization", "person",
                                   "regional-consultative-process"})


def guess_language(text: str) -> str:
    """``ru`` when most letters are Cyrillic, else ``en``."""
    cyrillic = len(re.findall(r"[А-Яа-яЁё]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "ru" if cyrillic >= latin else "en"


@lru_cache(maxsize=8)
def _gazetteer(names: tuple[Name, ...], language: str) -> Gazetteer:
    return Gazetteer(names, FRONT_ENDS[language].phrase_keys)


def actor_gazetteer(registry: Registry, language: str) -> Gazetteer:
    """The registry's and ISO's names of actors, built once per process and registry (a second or two)."""
    return _gazetteer(tuple(actor_names(registry, (language,))), language)


def term_gazetteer(vocabulary: Vocabulary, language: str) -> Gazetteer:
    return _gazetteer(tuple(term_names(vocabulary)), language)


def draft_text(text: str, release_id: str, language: str, registry: Registry, vocabulary: Vocabulary,
               source: Path = Path("source.txt"), supplied: Supplied | None = None,
               releases: Path | None = None) -> DraftCard:
    """Draft a card for ``text``; raise :class:`InputError` (located at ``source``) when no card can be made.

    ``supplied`` is what the curator knows from where the text was taken (date of issue, publisher,
    address): it completes the header where the text is silent, as ``supplied:`` facts. ``releases``
    is the folder of the other releases' cards: a meeting one of them reports keeps its event id."""
    supplied = supplied or Supplied()
    unknown_publisher = None
    if supplied.publisher is not None and supplied.publisher not in registry:  # drafted without it, and said
        unknown_publisher = unknown_publisher_note(supplied)
        supplied = dataclasses.replace(supplied, publisher=None)
    lexicon = LEXICONS[language]
    analysis = FRONT_ENDS[language].analyse(text)
    found = actor_gazetteer(registry, language).find(analysis)
    terms = term_gazetteer(vocabulary, language).find(analysis)
    actors = resolve(analysis, found, registry, lexicon)
    body_end = contacts_start(text, lexicon)

    kind = find_kind_line(text)
    dateline = _known_agency(find_dateline(text, language, supplied), actors)
    rubric = find_rubric_line(text, kind, text[dateline.agency[0]:dateline.agency[1]]
                              if dateline and dateline.agency else None)
    skip = [(kind.start, kind.end) if kind else None, (dateline.start, dateline.tail_end) if dateline else None,
            (rubric.start, rubric.end) if rubric else None]
    skip += [(start, end) for start, end, _ in header_lines(text, actors, kind)]
    title = title_line(text, skip, kind.end if kind else 0)
    title_method = "the first line after the kind line" if kind else \
        "the first line after the rubric line" if rubric and title and title[0] > rubric.end else \
        "the first line of the text"
    above = _headline_above(text, kind, skip) if kind and dateline and (title is None or title[0] >= dateline.start) \
        else None
    if above:
        title, title_method = above, "the line above the kind line (under it, the dateline)"
    lead = _lead_after_dateline(text, dateline, kind)
    if title and lead is not None and title[0] > lead:
        # "АСТАНА, 12 марта. /ТАСС/. Заместители министров … провели …" with no line above it: the dateline opens the
        # lead paragraph, whose first sentence stands for the title (not the next paragraph's)
        title = None
    if title and dateline and title[0] > dateline.start and (title[1] - title[0] > 200 or
                                                            analysis.sentence_of(title[0])[1] < title[1]):
        title = (title[0], analysis.sentence_of(title[0])[1])  # no headline: the body's first sentence stands for it
        title = (title[0], title[1] - 1 if analysis.text[title[1] - 1] == "." else title[1])
        title_method = "no title line: the first sentence after the dateline"
    if title is None:
        start = _after_dash(text, dateline.tail_end) if dateline else 0
        end = analysis.sentence_of(start)[1] if start < len(text.rstrip()) else start
        title = (start, end) if re.search(r"[^\W\d_]{2}", text[start:end]) else None
        title_method = "no title line: the first sentence after the dateline"
    if title is None:
        raise InputError(Location(source), "has no line that could be the title: there is nothing to draft a "
                         "card from.", "check that the file is the release's text (a card needs a title and a "
                         "date).")
    issued = date_of_issue(text, language, dateline, supplied)
    # a title that is the body's first sentence is also read as body (the meeting a wire's lead names)
    opening = title[0] if title_method.startswith("no title line") else title[1]
    body_start = dateline.tail_end if dateline else title[1]
    place_line = find_place_line(text, body_start, min(body_start + 200, len(text))) \
        if not (dateline and dateline.place_start is not None and dateline.place_end is not None) else None
    if place_line is None and dateline is None:  # "Abu Dhabi: Senior officials …": a known city and a colon
        colon = re.compile(r"^[ \t]*([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2}):[ \t]+(?=[A-Z])", re.M).search(
            text, body_start, min(body_start + 200, len(text)))
        if colon and any(a.start == colon.start(1) and a.end == colon.end(1)
                         for a in actors.within(*colon.span(1), frozenset({"city"}))):
            place_line = (colon.start(1), colon.end(1), colon.end(), None)
    publishers, authors = publishers_and_authors(analysis, actors, found, registry, kind, dateline, body_start,
                                                 rubric, place_line[3] if place_line else None)
    curators = supplied_publisher(supplied, publishers)
    # «Баку, 3 июня, Trend: … Об этом сообщает Trend со ссылкой на …»: the outlet that publishes the text (as it
    # names it, or as the curator gives it) does not relay it
    reporting = relays(analysis, actors, body_end, registry)  # the publisher's own «сообщает Trend» still tells the kind
    relayed = [r for r in reporting
               if r.fields["outlet"] not in {p.fields["agent"] for p in publishers + ([curators] if curators else [])}]
    card = DraftCard(release_id, language,
                     kind=release_kind(kind, title, publishers, actors, reporting),
                     title=Drafted({}, [title], title_method, 0.3 if title_method.startswith("no title") else 0.8),
                     issued=issued, url=supplied.url, publishers=publishers + ([curators] if curators else []),
                     authors=authors, relays=relayed)
    # «13 октября (Trend) – … передает Trend»: the outlet that publishes the text does not relay it
    if unknown_publisher:
        card.skipped.append(unknown_publisher)
    if issued is None:
        card.skipped.append("release.issued: the text names no date of issue and none was given (--issued, or "
                            "issued: in the .meta.yaml file); add {date: YYYY-MM-DD, supplied: <address>}.")
    elif not (issued.spans or "supplied" in issued.fields):  # the curator's date, with no address to cite
        card.issued = None
        card.skipped.append(f"release.issued: {issued.fields['date']} was {supplied.said()} without the address it "
                            f"comes from; write {{date: {issued.fields['date']}, supplied: <that address>}}.")
    if curators and "supplied" not in curators.fields:
        card.publishers.remove(curators)
        card.skipped.append(f"release.publishers: {curators.fields['agent']} was {supplied.said()} without the "
                            f"address it comes from; write {{agent: {curators.fields['agent']}, supplied: "
                            "<that address>}.")
    city = None
    if dateline and dateline.place_start is not None and dateline.place_end is not None:
        city = place_proposal(analysis, dateline.place_start, dateline.place_end, actors, registry)
        if city:
            card.place = Drafted({"place": city}, [(dateline.start, dateline.end)], "the dateline's place", 0.8,
                                 "The dateline names the place of issue.")
        region = dateline.region
        states = actors.within(*region, frozenset({"state"})) if city and region else []
        if states and region:  # "BAKU, Azerbaijan, April 10", «Баку, Азербайджан, 13 октября»: the city lies there
            card.places.append(Drafted({"place": city, "state": states[0].entity},
                                       [(dateline.place_start, region[1])],
                                       "the dateline's place and the state named after it", 0.8,
                                       "The dateline names the city and the state it lies in."))
    elif place_line:
        start, end, dash, _ = place_line  # "ASTANA – A decade after…": a dateline naming its place alone
        place = place_proposal(analysis, start, end, actors, registry)  # not the meeting's: no date with it
        if place:
            card.place = Drafted({"place": place}, [(start, dash)], "the dateline's place (no date on it)", 0.7,
                                 "The dateline names the place of issue.")
    issued_on = as_date(issued.fields["date"]) if issued else None
    relative = relative_dates(analysis, issued_on) if issued_on else []

    # a by-line's date is when the text was published, not where and when a meeting was held
    setting = Setting(release_id, card.issued, (dateline.start, dateline.end) if dateline and not dateline.byline
                      else None, city,
                      relative, dateline.tail_end if dateline else None,
                      (place_line[0], place_line[2]) if place_line else None)
    card.places += [p for p in places_in_states(analysis, actors, registry, (opening, body_end))
                    if not any(known.fields == p.fields for known in card.places)]
    meetings = find_meetings(analysis, actors, (opening, body_end), title, setting)
    if releases is not None and meetings:
        corefer(meetings, known_events(releases, release_id))
    event = meetings[0].event if meetings else None

    titles = find_titles(analysis, found, actors, registry, lexicon)
    card.posts_held, holders = posts_held(analysis, titles, actors, event.id if event else None, lexicon)
    finder = SpeechFinder(analysis, actors, titles, holders, lexicon, body_end)
    finder.reported_speeches()
    quotes = finder.quote_speeches()
    reported = finder.mixed_quotes(finder.reported_speeches(), quotes)
    continued = finder.continuations(reported)
    speeches = sorted(reported + quotes + continued, key=lambda s: s.spans[0][0])
    skip_dateline = dateline.tail_end if dateline else 0
    if dateline and dateline.start > title[1] and not text[dateline.tail_end:body_end].strip():
        skip_dateline = title[1]  # a place and date that sign the release off at its end: the body comes before them

    if event:
        body = (opening, body_end)
        event.roles += roles_from_cues(analysis, actors, titles, lexicon, body, finder.quotes)
        named = sorted(((start, m.event) for m in meetings for start, _ in m.mentions), key=lambda n: n[0])
        for role in roles_around_verbs(analysis, actors, lexicon, body):
            sentence = analysis.sentence_of(role.spans[0][0])
            here = [e for start, e in named if sentence[0] <= start < sentence[1]]
            last = [e for start, e in named if start < sentence[0]]  # else the meeting named last before
            (here[0] if here else last[-1] if last else event).roles.append(role)
        for role in subjects_taking_part(analysis, actors, lexicon, body):
            sentence = analysis.sentence_of(role.spans[0][0])
            here = [e for start, e in named if sentence[0] <= start < sentence[1]]
            (here[0] if here else event).roles.append(role)  # "Delegations from … attended": the release's meeting
        event.roles += participants(analysis, actors, lexicon, body_end)
        event.roles += organisation_participants(analysis, actors, lexicon, body_end)
        event.roles += _speaker_roles(finder.speeches, actors)
        event.roles += delegation_members(analysis, actors, lexicon, body_end)
        event.roles += delegations_take_part(event.roles)
        for meeting in meetings:
            meeting.event.roles = _unique_roles(meeting.event.roles)
        card.events += [m.event for m in meetings]
        outcomes = finder.joint_outcomes(_after_dash(text, skip_dateline))
        card.statements += _joint_outcomes(outcomes, event, analysis.text, language)
        card.processes = processes(analysis, actors, terms, lexicon, event.id, issued.fields["date"][:4] if issued else None)
        members = member_counts(analysis, actors, lexicon, body_end)
        counted = {(span, claim.fields["count"]) for claim in members for span in claim.spans}
        card.claims += [c for c in count_claims(analysis, lexicon, event.id, (opening, body_end),
                                                _after_dash(text, skip_dateline))
                        if not any(s <= c.spans[0][1] <= e and c.fields["count"] == n for (s, e), n in counted)] + members
    year = str(card.issued.fields["date"])[:4] if card.issued and card.issued.fields.get("date") else None
    governance = find_governance(analysis, actors, meetings, terms, (opening, body_end), finder.quotes, year,
                                 registry, lambda start, end: _topics_in(terms, start, end),
                                 [(t.start, t.end) for t in titles],
                                 str(card.issued.fields["date"]) if card.issued and card.issued.fields.get("date")
                                 else None, relative)
    _merge_governance(card, governance, text, analysis.sentence_of)
    taken = [s.spans[0] for s in card.statements]
    card.statements += [s for s in _statements(speeches, actors, terms, event.id if event else None)
                        if s.fields["kind"] != "joint-outcome"
                        or not any(a < s.spans[0][1] and s.spans[0][0] < b for a, b in taken)]
    card.statements.sort(key=lambda s: s.spans[0][0])
    quote_speakers = [((q.spans[0][0], q.spans[-1][1]), q.speaker) for q in quotes]
    card.claims += duration_claims(analysis, actors, quote_speakers, body_end, event.id if event else None)
    card.contacts = find_contacts(text, actors, body_end)
    card.proposals = actors.proposals
    note_spellings(card, actors)
    return card


def _lead_after_dateline(text: str, dateline: Dateline | None, kind: object) -> int | None:
    """Where the lead begins when the text opens with its dateline and the lead goes on in the same line (no kind or
    title line above it): words after the dateline's agency, on its line."""
    if dateline is None or kind is not None or text[:dateline.start].strip():
        return None
    start = _after_dash(text, dateline.tail_end)
    line_end = text.find("\n", dateline.tail_end)
    line_end = len(text) if line_end < 0 else line_end
    return start if start < line_end and re.search(r"[^\W\d_]{2}", text[start:line_end]) else None


def _headline_above(text: str, kind: KindLine, skip: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    """"Indonesia and Australia Co-Chair … Meeting / Press Release / Jakarta, 10 February 2022 – …": where the kind
    line has the dateline right under it, a line above it that is no body's name (a header line, in ``skip``) and
    not in capitals (a publisher's name with its office) is the headline."""
    for match in re.finditer(r"[^\n]+", text[:kind.start]):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.start() + len(line.rstrip())
        if start == end or any(s and s[0] <= start < s[1] for s in skip):
            continue
        words = line.split()
        if len(words) >= 4 and line.upper() != line and re.search(r"[^\W\d_]{2}", line):
            return start, end
    return None


def _known_agency(dateline: Dateline | None, actors: Actors) -> Dateline | None:
    """«Алматы, 5 июня 2013 – Министры…»: a word after the dash is an agency only when it is one (known, or
    written in capitals)."""
    if dateline is None or dateline.agency is None or dateline.agency_sure:
        return dateline
    if actors.within(*dateline.agency, frozenset({"news-outlet", "intergovernmental-organization", "ministry"})):
        return dateline
    return dataclasses.replace(dateline, agency=None, tail_end=dateline.end)


def _after_dash(text: str, offset: int) -> int:
    """The offset after a dateline and the dash that follows it («Алматы 5 июня 2013 – »)."""
    match = re.match(r"[\s,.]*[–—-]?\s*", text[offset:])
    return offset + (match.end() if match else 0)


def _speaker_roles(speeches: list[Speech], actors: Actors) -> list[Drafted]:
    roles, seen = [], set()
    for speech in sorted(speeches, key=lambda s: (s.verb or s.spans[0])[0]):
        if speech.verb is None or speech.subject is None or speech.speaker in seen:
            continue
        mention = actors.first(speech.speaker)
        if mention is None or mention.type != "person":
            continue
        seen.add(speech.speaker)
        spans = sorted({speech.subject, speech.verb})
        roles.append(Drafted({"role": "speaker", "agent": speech.speaker}, spans,
                             "the speaker of a statement made at the event", 0.8))
    return roles


def _unique_roles(roles: list[Drafted]) -> list[Drafted]:
    seen, kept = set(), []
    for role in roles:
        key = (role.fields["role"], role.fields["agent"])
        if key not in seen:
            seen.add(key)
            kept.append(role)
    return kept


def _joint_outcomes(outcomes: list[tuple[int, int]], event: DraftEvent, text: str, language: str) -> list[Drafted]:
    """«The participants agreed», «the officials agreed», «эксперты рекомендовали» are said by the participants as a
    group; «the countries … agreed», where the text lists the states taking part, by those states (as the seed's
    card writes it)."""
    participants = [r.fields["agent"] for r in event.roles if r.fields["role"] == "participant"]
    drafted: list[Drafted] = []
    for number, (first, end) in enumerate([o for o in outcomes if o[0] < o[1]], 1):
        start = first
        fields: dict = {"id": f"joint-outcome-{number}", "kind": "joint-outcome"}
        byline = re.match(BYLINE, text[start:start + 90])
        if byline and re.search(r"/|\b[A-ZА-ЯЁ]{3,}\b", byline.group()):
            start += byline.end()  # «КАЗИНФОРМ /Имя/ – Представители…»: the agency and author are not said
        if _adopts_a_document(text[start:end], language):
            continue  # "The senior officials endorsed the … Action Plan": an adoption, not an agreement
        said = re.sub(LEAD_IN, "", text[start:end], flags=re.I)  # «По итогам встречи стороны…»: the lead-in is not the subject
        they = re.match(r"\W*(?:they|они)\b", said, re.I) and drafted and drafted[-1].fields.get("speaker_groups") \
            and text[drafted[-1].spans[0][1]:start].strip() == ""
        subject = rf"\W*(?:\w+\W+){{0,2}}?(?:{DOMAIN_LEXICONS[language].participants}|{PARTICIPANT_SUBJECTS[language]})"
        if they or re.match(subject, said, re.I) or re.match(subject, _clause_before_agreeing(said, language), re.I):
            # "They also agreed", right after the participants agreed: the same group
            fields["speaker_groups"] = [{"group": "participants", "of": event.id}]
            method, confidence = "«the participants» and an agreeing verb: the participants as a group", 0.7
        elif participants:
            fields["speakers"] = participants
            method, confidence = "a collective subject and an agreeing verb; speakers: the event's participants", 0.7
        else:
            fields["speaker_groups"] = [{"group": "participants", "of": event.id}]
            method, confidence = "a collective subject and an agreeing verb: the participants as a group", 0.6
        fields["at_event"] = event.id
        drafted.append(Drafted(fields, [(start, end)], method, confidence))
    return drafted


def _clause_before_agreeing(said: str, language: str) -> str:
    """The words between the last comma and the agreeing verb: the subject after an opening phrase ("In a joint
    communique issued at the end of the meeting, the delegates agreed")."""
    verb = re.search(DOMAIN_LEXICONS[language].agreeing, said, re.I)
    return re.split(r"[,;:]", said[:verb.start()])[-1] if verb else ""


def _adopts_a_document(sentence: str, language: str) -> bool:
    """Whether a sentence's only agreeing verb adopts, endorses or signs a document («участники приняли совместное
    коммюнике», "endorsed the Action Plan"): an adoption. Approving a draft («одобрили проект декларации») adopts
    nothing, and «…и договорились…» is an agreement besides."""
    lexicon = DOMAIN_LEXICONS[language]
    if re.search(lexicon.agreeing_only, sentence, re.I):
        return False
    verbs = "|".join(pattern for _, pattern in lexicon.actions)
    documents = "|".join(pattern for _, pattern in lexicon.document_kinds)
    return re.search(rf"(?:{verbs})\s+(?:(?!draft\b|проект\w*)[\w'’–-]+\s+){{0,5}}?(?:{documents})", sentence,
                     re.I) is not None


def _topics_in(terms: list[Mention], start: int, end: int) -> list[str]:
    return list(dict.fromkeys(t.entity for t in terms if t.type == "topic" and start <= t.start and t.end <= end))


def _observers_not_parties(roles: list[Drafted], sentence_of: Callable[[int], tuple[int, int]]) -> list[Drafted]:
    """"IOM, the ILO and the EU attended as observers": each is the meeting's ``event-observer``, and not also a
    participant (a party taking part, docs/card-format.md section 5) for the words of the same sentence."""
    observing = {(r.fields["agent"], sentence_of(r.spans[0][0])) for r in roles
                 if r.fields["role"] == "event-observer" and r.spans}
    return [r for r in roles if not (r.fields["role"] == "participant" and r.spans
                                     and (r.fields["agent"], sentence_of(r.spans[0][0])) in observing)]


def _merge_governance(card: DraftCard, governance: Governance, card_text: str,
                      sentence_of: Callable[[int], tuple[int, int]]) -> None:
    """Add positions, handovers, memberships, documents and the meeting's outcomes; a state named in a sentence
    that hands over the chair, or states a membership or an adoption, is not thereby a participant."""
    # "officials from member states and from IOM and UNHCR, which are members of the Process": members who took part
    members = {(m.fields["agent"], m.spans[0][0]) for process in governance.processes.values()
               for m in process.memberships}
    for event in card.events:
        event.roles = [r for r in event.roles if not (
            (r.fields["role"] == "participant" and any(s <= r.spans[0][0] < e for s, e in governance.busy)
             and not r.method.startswith("the subject of")  # "Switzerland attended as an observer": it took part
             and not (r.method.startswith("an organisation whose representatives") and (r.fields["agent"], r.spans[0][0])
                      in members))
            or any(r.fields["role"] == "host" and s == r.spans[0][0] for s, _ in governance.secretariat))]
    card.statements = [s for s in card.statements if s.fields.get("kind") != "joint-outcome" or not any(
        a <= s.spans[0][0] < b and not re.search(DOMAIN_LEXICONS[card.language].agreeing_only, card_text[a:b], re.I)
        for a, b in governance.adopting)]
    known = {p.id: p for p in card.processes}
    for entity, process in governance.processes.items():
        if entity in known:
            known[entity].positions += process.positions
            known[entity].handovers += process.handovers
            known[entity].memberships += process.memberships
        else:
            card.processes.append(process)
    card.documents += governance.documents
    card.groupings += governance.groupings
    events = {e.id: e for e in card.events}
    for event_id, role in governance.roles:  # a meeting's chair or observer: no participant for the same words
        if event_id in events and not any(r.fields == role.fields for r in events[event_id].roles):
            events[event_id].roles.append(role)
    for event in card.events:
        event.roles = _observers_not_parties(event.roles, sentence_of)
    taken = [s.spans[0] for s in card.statements]
    card.statements += [s for s in governance.statements
                        if not any(a < s.spans[0][1] and s.spans[0][0] < b for a, b in taken)]


def _statements(speeches: list[Speech], actors: Actors, terms: list[Mention], event: str | None) -> list[Drafted]:
    drafted: list[Drafted] = []
    numbers: dict[str, int] = {}
    for speech in speeches:
        if speech.group == "participants" and event is None:
            continue  # the participants of no meeting the text reports
        short = "quote" if speech.kind == "direct-quote" else "outcome" if speech.kind == "joint-outcome" else "said"
        base = f"{slug(speech.speaker or speech.group or 'group', 40)}-{short}"
        if speech.group == "officials":
            base = f"{slug(speech.speaker, 40)}-officials-{short}"
        numbers[base] = numbers.get(base, 0) + 1
        fields: dict = {"id": f"{base}-{numbers[base]}", "type": speech.type, "kind": speech.kind}
        if speech.group is None:
            fields["speakers"] = [speech.speaker]
        else:
            fields["speaker_groups"] = [{"group": speech.group,
                                         "of": event if speech.group == "participants" else speech.speaker}]
        if speech.on_behalf_of:
            fields["on_behalf_of"] = speech.on_behalf_of
        if event:
            fields["at_event"] = event
        inside = [t for t in terms if t.type == "topic" and any(s <= t.start and t.end <= e for s, e in speech.spans)]
        if inside:
            fields["topics"] = list(dict.fromkeys(t.entity for t in inside))
        mentioned = [m.entity for m in actors.mentions if m.type in ACTOR_KINDS_MENTIONED and m.entity != speech.speaker
                     and any(s <= m.start and m.end <= e for s, e in speech.spans)]
        if mentioned:
            fields["mentions"] = list(dict.fromkeys(mentioned))
        method = speech.method + ("; topics from the vocabulary's labels" if inside else "")
        drafted.append(Drafted(fields, speech.spans, method, speech.confidence, speech.note))
    return drafted
