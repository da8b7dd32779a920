"""The evaluation's matching rules (migkg.draft.evaluate), on small invented cards of one invented text.

Each test writes a reviewed card and a "draft" card of the same text by hand, so that exactly one
rule decides the figures; the text and both cards are invented for these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from migkg.draft.evaluate import CardWithSpans, align_events, evaluate, similar_words
from migkg.draft.loading import load_card_file, registry_of
from migkg.schema.resources import ontology_dir
from migkg.schema.vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]

TEXT = """NEWS ITEM

Chairmanship passes to Kazakhstan

BAKU, April 24. By Trend

The third Ministerial Conference of the Almaty Process opened in Baku on April 24, 2019, hosted by Azerbaijan. \
A senior officials' meeting was held in Baku on April 23, 2019, before the conference.

The chairmanship passed from Azerbaijan to Kazakhstan. Turkey is an observer since 2015.

The participants adopted the Baku Declaration on Mixed Migration. Kazakhstan and Azerbaijan signed it too.

The participants agreed to meet again in 2021.
"""

REGISTRY = """entries:
  - {id: baku, type: city, labels: {ru: Баку, en: Baku}, state: AZE}
  - {id: trend, type: news-outlet, labels: {ru: Trend, en: Trend}}
"""
PROPOSED = """entries:
  - {id: trend-agency, type: news-outlet, labels: {ru: Тренд, en: Trend}}
"""

RELEASE = """card: 1
release:
  id: r
  language: en
  kind: {kind: news-item, evidence: NEWS ITEM}
  title: {evidence: %(title)s}
  issued: {date: 2019-04-24, evidence: "BAKU, April 24."}
  publishers: [{agent: %(publisher)s, evidence: By Trend}]
"""

CONFERENCE = """  - id: %(id)s
    kind: {kind: ministerial-conference, evidence: {quote: Ministerial Conference, occurrence: 1}}
    name: {evidence: %(name)s}
    date: {date: %(date)s, evidence: "April 24, 2019"}
    place: {place: baku, evidence: opened in Baku}
"""

MEETING_OF = """    meeting_of: {process: almaty-process, evidence: Ministerial Conference of the Almaty Process}
    number: {number: 3, evidence: The third Ministerial Conference}
"""

SOM = """  - id: %(id)s
    kind: {kind: senior-officials-meeting, evidence: senior officials' meeting}
    name: {evidence: "A senior officials' meeting"}
    date: {date: 2019-04-23, evidence: "April 23, 2019"}
    place: {place: baku, evidence: was held in Baku}
"""


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary(ontology_dir())


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    folder = tmp_path_factory.mktemp("registry")
    (folder / "more.yaml").write_text(REGISTRY, encoding="utf-8")
    return registry_of([ROOT / "data" / "registry", folder])


@pytest.fixture(scope="module")
def draft_registry(tmp_path_factory, registry):
    """The registry and a proposal of the draft's: an outlet the registry has under another id."""
    folder = tmp_path_factory.mktemp("registry")
    (folder / "more.yaml").write_text(REGISTRY, encoding="utf-8")
    (folder / "proposals.yaml").write_text(PROPOSED, encoding="utf-8")
    return registry_of([ROOT / "data" / "registry", folder])


def card(tmp_path: Path, name: str, text: str, registry, vocabulary) -> CardWithSpans:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    (folder / "source.txt").write_text(TEXT, encoding="utf-8")
    (folder / "card.yaml").write_text(text, encoding="utf-8")
    return CardWithSpans(load_card_file(folder / "card.yaml", registry, vocabulary).card, registry)


def release(title: str = "Chairmanship passes to Kazakhstan", publisher: str = "trend") -> str:
    return RELEASE % {"title": title, "publisher": publisher}


def conference(event_id: str = "conf", name: str = "Ministerial Conference of the Almaty Process",
               date: str = "2019-04-24", numbered: bool = False) -> str:
    return CONFERENCE % {"id": event_id, "name": name, "date": date} + (MEETING_OF if numbered else "")


def figures(evaluation, kind: str) -> tuple:
    row = evaluation.row(kind)
    return row.drafted, row.reviewed, row.matched_reviewed


@pytest.fixture
def compare(tmp_path, registry, draft_registry, vocabulary):
    def compare(draft: str, reviewed: str):
        return evaluate(card(tmp_path, "draft", draft, draft_registry, vocabulary),
                        card(tmp_path, "reviewed", reviewed, registry, vocabulary))
    return compare


def test_release_facts_are_measured_kind_title_date_and_publisher(compare):
    evaluation = compare(release(title="Chairmanship passes"), release())
    assert figures(evaluation, "release kind") == (1, 1, 1)
    assert figures(evaluation, "date of issue") == (1, 1, 1)
    assert figures(evaluation, "publishers") == (1, 1, 1)
    assert figures(evaluation, "title") == (1, 1, 0)  # a title cut short is not the title


def test_a_proposed_outlet_with_the_reviewed_outlets_label_is_that_outlet(compare):
    assert figures(compare(release(publisher="trend-agency"), release()), "publishers") == (1, 1, 1)


def test_an_event_name_that_lost_its_number_is_wrong_and_one_with_an_article_more_is_right(compare):
    reviewed = release() + "events:\n" + conference(name="The third Ministerial Conference of the Almaty Process")
    assert figures(compare(release() + "events:\n" + conference(name="Ministerial Conference"), reviewed),
                   "event names") == (1, 1, 0)
    assert figures(compare(release() + "events:\n" + conference(name="third Ministerial Conference of the Almaty Process"),
                           reviewed), "event names") == (1, 1, 1)


def test_words_are_compared_by_their_stems_so_a_russian_name_in_another_case_is_the_same_name():
    assert similar_words("Третьей Министерской конференции Алматинского процесса",
                         "третья министерская конференция Алматинского процесса")
    assert not similar_words("министерской конференции", "Третья министерская конференция Алматинского процесса")


def test_an_event_with_another_id_stands_for_the_reviewed_event_of_the_same_process_and_number(compare):
    # the dates differ, so only (process, number) can align them; then its kind and place count, its date does not
    evaluation = compare(release() + "events:\n" + conference("drafted-id", date="2019-04-25", numbered=True)
                         + SOM % {"id": "som-drafted"},
                         release() + "events:\n" + SOM % {"id": "som"} + conference("conf", numbered=True))
    assert figures(evaluation, "events") == (2, 2, 2)
    assert figures(evaluation, "event kinds") == (2, 2, 2)
    assert figures(evaluation, "event numbers") == (1, 1, 1)
    assert figures(evaluation, "meetings of a process") == (1, 1, 1)
    assert figures(evaluation, "event dates") == (2, 2, 1)


def test_event_alignment_tries_the_id_then_process_and_number_then_kind_date_and_place_then_the_only_one(
        tmp_path, registry, vocabulary):
    def events(text: str):
        return card(tmp_path, f"c{len(list(tmp_path.iterdir()))}", release() + "events:\n" + text,
                    registry, vocabulary).card.events
    reviewed = events(conference("conf", numbered=True) + SOM % {"id": "som"})
    def same(value):  # both cards use the reviewed registry's ids: no actor to align
        return value
    assert align_events(events(SOM % {"id": "conf"}), reviewed, same) == {"conf": "conf"}  # the same id first
    assert align_events(events(conference("x", date="2019-05-01", numbered=True)), reviewed, same) == {"x": "conf"}
    assert align_events(events(SOM % {"id": "y"}), reviewed, same) == {"y": "som"}  # kind, date and place
    assert align_events(events(conference("z", date="2019-05-01")), reviewed, same) == {"z": "conf"}  # the only one
    # two drafted conferences, one reviewed: the only-one rule does not apply, and a date that differs aligns none
    assert align_events(events(conference("a", date="2019-05-01") + conference("b", date="2019-05-02")),
                        reviewed, same) == {}


def test_an_event_known_by_its_last_day_or_held_online_aligns_by_kind_and_day(tmp_path, registry, vocabulary):
    def events(text: str):
        return card(tmp_path, f"c{len(list(tmp_path.iterdir()))}", release() + "events:\n" + text,
                    registry, vocabulary).card.events
    ended = (SOM % {"id": "%s"}).replace('date: {date: 2019-04-23, evidence: "April 23, 2019"}',
                                         'period: {to: 2019-04-23, evidence: "April 23, 2019"}')
    online = (SOM % {"id": "%s"}).replace("    place: {place: baku, evidence: was held in Baku}\n", "")
    next_one = """  - id: next
    kind: {kind: senior-officials-meeting, evidence: senior officials' meeting}
    name: {evidence: "A senior officials' meeting"}
    place: {place: baku, evidence: {quote: in Baku, occurrence: 1}}
"""
    def same(value):
        return value
    # two meetings of one kind in the reviewed card: the only-one rule cannot pair them
    assert align_events(events(ended % "drafted"), events(ended % "som" + next_one), same) == {"drafted": "som"}
    assert align_events(events(online % "drafted"), events(online % "som" + next_one), same) == {"drafted": "som"}
    assert align_events(events(online % "drafted"), events(SOM % {"id": "som"} + next_one), same) == {}


def test_facts_about_an_event_that_stands_for_no_reviewed_event_match_nothing(compare):
    evaluation = compare(release() + "events:\n" + SOM % {"id": "som"},
                         release() + "events:\n" + conference("conf"))
    assert figures(evaluation, "events") == (1, 1, 0)
    assert figures(evaluation, "event places") == (1, 1, 0)  # both in Baku, but not the same event


PROCESS = """processes:
  - id: almaty-process
    handovers:
      - {position: chair, from: AZE, to: KAZ, at_event: %(event)s, evidence: passed from Azerbaijan to Kazakhstan}
    memberships:
      - {status: observer, agent: TUR, period: {from: %(since)s}, evidence: Turkey is an observer since 2015}
"""


def test_positions_handovers_and_memberships_are_matched_with_their_timing(compare):
    reviewed = release() + "events:\n" + conference("conf") + PROCESS % {"event": "conf", "since": 2015}
    evaluation = compare(release() + "events:\n" + conference("mine") + PROCESS % {"event": "mine", "since": 2016},
                         reviewed)
    assert figures(evaluation, "handovers") == (1, 1, 1)  # at the event "mine" stands for
    assert figures(evaluation, "memberships") == (1, 1, 0)  # an observer since another year is another fact
    assert figures(evaluation, "processes") == (1, 1, 1)


DOCUMENT = """documents:
  - id: %(id)s
    kind: {kind: declaration, evidence: Baku Declaration}
    name: {evidence: %(name)s}
    adoptions:
      - action: adopted
        at_event: conf
        party_groups: [{group: participants, of: conf}]
        evidence: The participants adopted the Baku Declaration
%(signed)s"""

SIGNED = """      - {action: signed, at_event: conf, parties: [KAZ, AZE], evidence: Kazakhstan and Azerbaijan signed it}
"""


def test_documents_align_by_kind_and_name_and_each_party_of_an_adoption_counts(compare):
    events = release() + "events:\n" + conference("conf")
    evaluation = compare(events + DOCUMENT % {"id": "declaration", "name": "Baku Declaration on Mixed Migration",
                                              "signed": SIGNED.replace("[KAZ, AZE]", "[KAZ]")},
                         events + DOCUMENT % {"id": "baku-declaration", "name": "Baku Declaration on Mixed Migration",
                                              "signed": SIGNED})
    assert figures(evaluation, "documents") == (1, 1, 1)
    assert figures(evaluation, "document names") == (1, 1, 1)
    assert figures(evaluation, "adoptions") == (2, 3, 2)  # the participants, Kazakhstan; not Azerbaijan


AGREED = """statements:
  - id: meet-again
    kind: joint-outcome
    %(who)s
    evidence: The participants agreed to meet again in 2021
"""


def test_a_group_counts_as_a_speaker(compare):
    events = release() + "events:\n" + conference("conf")
    group = AGREED % {"who": "speaker_groups: [{group: participants, of: conf}]"}
    assert figures(compare(events + group, events + group), "joint outcomes") == (1, 1, 1)
    assert figures(compare(events + AGREED % {"who": "speakers: [KAZ]"}, events + group), "joint outcomes") == (1, 1, 0)
    meeting = AGREED % {"who": "speaker_groups: [{group: meeting, of: conf}]"}
    assert figures(compare(events + meeting, events + group), "joint outcomes") == (1, 1, 0)


def test_the_table_leaves_out_the_kinds_neither_card_has(compare):
    table = compare(release(), release()).table()
    assert "release kind" in table and "handovers" not in table
    assert table.splitlines()[-1].split()[-2:] == ["1.00", "1.00"]
