"""The three event roles added after the writers of the drafting corpus could not state them: the chair of one
meeting (``meeting-chair``), the head of a delegation (``delegation-head``) and an observer at one meeting
(``event-observer``). A card gives them as any event role; the build derives their direct edges
(``mig:chairedBy``, ``mig:hadDelegationHead``, ``mig:hadObserver``), and a head of delegation is affiliated to
whom it led, as a delegation member is. None of them states a position or a status in the process.

A TEST TEXT below: the person, the meeting and the words are invented.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from migkg.network.queries import edge_rows
from migkg.stores.opening import open_build
from migkg.stores.sources import EmbeddedSource

ROOT = Path(__file__).resolve().parents[1]
RELEASE = "2021-03-03-test-event-roles"
SOURCE = """NEWS ITEM | IOM
Experts of the Almaty Process meet in Baku
BAKU, 3 March 2021. An expert meeting of the Almaty Process, chaired by Azerbaijan, was held in Baku on 3 March 2021.
The delegation of Kyrgyzstan was led by Dana Vell. Turkmenistan attended as an observer.
"""
CARD = f"""# A TEST TEXT (tests/test_event_roles.py): the person, the meeting and the words are invented.
card: 1

release:
  id: {RELEASE}
  language: en
  kind: {{kind: news-item, evidence: NEWS ITEM}}
  title: {{evidence: Experts of the Almaty Process meet in Baku}}
  issued: {{date: 2021-03-03, evidence: "BAKU, 3 March 2021"}}
  publishers:
    - {{agent: iom, evidence: NEWS ITEM | IOM}}

events:
  - id: 2021-03-03-baku-expert-meeting
    kind: {{kind: expert-meeting, evidence: expert meeting}}
    name: {{evidence: An expert meeting of the Almaty Process}}
    date: {{date: 2021-03-03, evidence: on 3 March 2021}}
    roles:
      - {{role: meeting-chair, agent: AZE, evidence: chaired by Azerbaijan}}
      - role: delegation-head
        agent: dana-vell
        on_behalf_of: KGZ
        evidence: The delegation of Kyrgyzstan was led by Dana Vell
      - {{role: event-observer, agent: TKM, evidence: Turkmenistan attended as an observer}}
"""
REGISTRY = """# A test registry file (tests/test_event_roles.py): the person is invented.
entries:
  - id: dana-vell
    type: person
    labels: {ru: Дана Велл, en: Dana Vell}
"""
MIG = "https://w3id.org/migkg/ontology#"
EVENT = "https://w3id.org/migkg/event/2021-03-03-baku-expert-meeting"


@pytest.fixture(scope="module")
def built(tmp_path_factory, run_migkg) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("event-roles")
    data = Path(shutil.copytree(ROOT / "data", folder / "data"))
    (data / "registry" / "test-event-roles.yaml").write_text(REGISTRY, encoding="utf-8")
    release = data / "releases" / RELEASE
    release.mkdir()
    (release / "source.txt").write_text(SOURCE, encoding="utf-8")
    (release / "card.yaml").write_text(CARD, encoding="utf-8")
    done = run_migkg("build", "--data", data, "--out", folder / "build")
    assert done.returncode == 0, done.stderr
    return folder / "build", done.stderr


@pytest.fixture(scope="module")
def store(built) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(built[0] / "migkg-2021.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def edges(store: ox.Store, prop: str) -> set[str]:
    return {quad.object.value for quad in store.quads_for_pattern(ox.NamedNode(EVENT), ox.NamedNode(MIG + prop), None)}


def test_the_build_takes_the_three_roles_without_a_violation(built):
    """Only the seed's own count warning: the test release adds no violation and no warning."""
    assert "0 violation(s), 1 warning(s)." in built[1], built[1]
    assert RELEASE not in built[1].split("0 violation(s)")[0], built[1]


@pytest.mark.parametrize(("prop", "agent"), [
    ("chairedBy", "https://w3id.org/migkg/state/AZE"),
    ("hadDelegationHead", "https://w3id.org/migkg/person/dana-vell"),
    ("hadObserver", "https://w3id.org/migkg/state/TKM"),
])
def test_each_role_gives_its_direct_edge_and_no_other(store, prop, agent):
    assert edges(store, prop) == {agent}
    # an observer or a chair of the meeting is not a party to it
    assert agent not in {quad.object.value for quad in store.quads_for_pattern(
        ox.NamedNode(EVENT), ox.NamedNode("https://schema.org/attendee"), None)} or prop == "hadDelegationHead"


def test_no_position_or_status_in_the_process_is_stated(store):
    for prop in ("chairOf", "coChairOf", "observerOf"):
        assert not list(store.quads_for_pattern(None, ox.NamedNode(MIG + prop), None)), prop


def test_a_head_of_delegation_is_affiliated_to_whom_it_led(built):
    rows = edge_rows(EmbeddedSource(open_build(built[0]).store), "affiliation")
    assert ("https://w3id.org/migkg/person/dana-vell", "https://w3id.org/migkg/state/KGZ") \
        in {(row.source, row.target) for row in rows if row.attributes["kind"] == "delegate-of"}
