"""The research-question queries (queries/research/*.rq) on the seed release.

Each query runs on Oxigraph with the default graph as the union of all named graphs, and the
answers are compared with what the press release of 5 June 2013 says, written out here from a
reading of its source text. Every query also runs on rdflib's own SPARQL engine and must give
the same rows. IRIs are compared by their last segment (the id), so the tests do not depend on
the configurable base or on the IRI path layout.
"""
from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, URIRef, Variable
from rdflib.namespace import PROV

from migkg.mapping.iris import DEFAULT_BASE, Iris
from migkg.stores.opening import Build, open_build

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "queries" / "research"
RELEASE = "2013-06-05-unhcr-iom-almaty-ministerial"
EVENT = "2013-06-05-almaty-ministerial-conference"
SOURCE = ROOT / "data" / "releases" / RELEASE / "source.txt"

#: the ten states of the footnote, by ISO 3166-1 alpha-3: (short name ru, short name en)
STATES = {
    "AFG": ("Афганистан", "Afghanistan"),
    "AZE": ("Азербайджан", "Azerbaijan"),
    "CHN": ("Китай", "China"),
    "IRN": ("Иран", "Iran"),
    "KAZ": ("Казахстан", "Kazakhstan"),
    "KGZ": ("Кыргызстан", "Kyrgyzstan"),
    "PAK": ("Пакистан", "Pakistan"),
    "TJK": ("Таджикистан", "Tajikistan"),
    "TKM": ("Туркменистан", "Turkmenistan"),
    "TUR": ("Турция", "Türkiye"),
}
ALL_STATES_EN = "; ".join(STATES[c][1] for c in sorted(STATES))
ALL_STATES_RU = "; ".join(STATES[c][0] for c in sorted(STATES))
ALL_STATES_ISO3 = "; ".join(sorted(STATES))

KAZ_GOVERNMENT = ("Правительство Республики Казахстан", "Government of the Republic of Kazakhstan")
IOM = ("Международная организация по миграции", "International Organization for Migration")
UNHCR = ("Управление Верховного комиссара ООН по делам беженцев",
         "Office of the United Nations High Commissioner for Refugees")
UN = ("Организация Объединённых Наций", "United Nations")
IDRISSOV = ("Ерлан Идрисов", "Erlan Idrissov")
GUTERRES = ("Антониу Гутерриш", "António Guterres")
THOMPSON = ("Лаура Томпсон", "Laura Thompson")
KENENBAEV = ("Ерлик Кененбаев", "Erlik Kenenbaev")

CONFERENCE_NAME = "Министерская конференция по вопросам защиты беженцев и международной миграции: Алматинский процесс"

# The words of each statement, as the release prints them.
W_EXPAND = ("Страны, принявшие сегодня участие в региональной конференции по миграции и защите беженцев, "
            "согласились расширять региональный диалог и укреплять сотрудничество по миграции для "
            "содействия перемещениям по регулярным миграционным каналам, в тоже время обеспечивая защиту "
            "и уважение прав человека и доступ к убежищу.")
W_IDRISSOV_RESPONSIBILITY = ("отметил, что Казахстан всецело осознает свою вовлеченность и ответственность в "
                             "решении проблем международной миграции")
W_IDRISSOV_POLICY = ("Правительство проводит большую работу по реализации основных направлений миграционной "
                     "политики, которая является одним из перспективных направлений гуманитарного "
                     "сотрудничества Казахстана с международными организациями.")
W_GUTERRES_CALL = ("призвал правительства разрабатывать иммиграционную политику с учетом обеспечения "
                   "основных прав человека")
W_GUTERRES_QUOTE = ("Страны имеют право определять свою иммиграционную политику и политику национальной "
                    "безопасности с учетом уважения человеческого достоинства и основных прав человека, "
                    "таким образом, чтобы международная защита была гарантирована всем нуждающимся")
W_GUTERRES_ASYLUM = ("подчеркнул, что Алматинский процесс позволит странам разработать ответные механизмы, "
                     "направленные на обеспечение правомерных интересов стран, таких как пограничный "
                     "контроль и безопасность, в тоже время, обеспечивая доступ к убежищу нуждающимся в нем "
                     "независимо от обстоятельств, по которым они оказались на границе")
W_THOMPSON_DRIVERS_1 = ("отметила, что процессы региональной и глобальной экономической интеграции, "
                        "увеличение разницы в доходах между развитыми и развивающимися странами, "
                        "демографические тенденции, постоянная экономическая или политическая "
                        "нестабильность, природные катаклизмы будут продолжать служить катализаторами "
                        "миграционных потоков, что делает миграцию ключевым вызовом для")
W_THOMPSON_DRIVERS_2 = "стран региона."
W_THOMPSON_QUOTE = ("Нет универсальной формулы для управления миграционными процессами. Различные контексты "
                    "требуют различных решений, а платформа для регионального сотрудничества и диалога, "
                    "которая достаточно гибка, чтобы предложить такие решения, должна приветствоваться. На "
                    "протяжении своей 60-летней истории МОМ продолжает работу с правительствами в разработке "
                    "и реализации комплексных мер в области миграции, которые практичны и обеспечивают "
                    "уважение прав мигрантов. Региональное сотрудничество и диалог сегодня, больше чем "
                    "когда-либо, признаны важнейшим инструментом в разработке подобных решений")
W_THOMPSON_SUPPORT = ("Г-жа Томпсон поддержала создание нового регионального диалога и консультативного "
                      "процесса по вопросам миграции")
W_IOM_READINESS = "выразила готовность МОМ предоставить всяческую поддержку"
W_KENENBAEV_QUOTE = ("Мы считаем, что в виду роста в регионе миграционных потоков и связанных с ним проблем, "
                     "будет возрастать и потребность вовлеченных стран в развитии сотрудничества в данной "
                     "сфере и, вполне вероятно, географическая зона Алматинского процесса будет расширяться")
W_KAZ_COMMITMENT = "заверил о том, что Казахстан остается приверженным такому сотрудничеству"
W_PROPOSAL = "предложение Правительства страны"
W_SECRETARIAT = ("предложение Правительства страны разместить на своей территории на постоянной основе "
                 "Секретариат Алматинского процесса")
W_FIRST_CHAIR = "стать его первым Председателем"
W_STRENGTHEN = ("После конструктивного диалога страны-участницы согласились укреплять региональное "
                "сотрудничество, чтобы воспользоваться существующими возможностями и принимать меры в "
                "отношении растущих миграционных вызовов.")

#: statement id -> (kind, speakers (en labels in IRI order), topics (sorted notations), words of each span)
STATEMENTS = {
    "outcome-expand-dialogue": ("joint-outcome", ALL_STATES_EN,
                                "access-to-asylum; human-rights; regional-cooperation; regular-migration",
                                [W_EXPAND]),
    "idrissov-responsibility": ("reported-speech", IDRISSOV[1], "international-migration",
                                [W_IDRISSOV_RESPONSIBILITY]),
    "idrissov-migration-policy": ("reported-speech", IDRISSOV[1], "humanitarian-cooperation; migration-policy",
                                  [W_IDRISSOV_POLICY]),
    "guterres-call": ("reported-speech", GUTERRES[1], "human-rights; migration-policy", [W_GUTERRES_CALL]),
    "guterres-quote": ("direct-quote", GUTERRES[1],
                       "human-dignity; human-rights; international-protection; migration-policy; national-security",
                       [W_GUTERRES_QUOTE]),
    "guterres-access-to-asylum": ("reported-speech", GUTERRES[1],
                                  "access-to-asylum; border-management; national-security; "
                                  "regional-consultative-process",
                                  [W_GUTERRES_ASYLUM]),
    "thompson-drivers": ("reported-speech", THOMPSON[1], "drivers-of-migration; migration-flows",
                         [W_THOMPSON_DRIVERS_1, W_THOMPSON_DRIVERS_2]),
    "thompson-quote": ("direct-quote", THOMPSON[1],
                       "migration-governance; migration-policy; regional-cooperation; rights-of-migrants",
                       [W_THOMPSON_QUOTE]),
    "thompson-support": ("reported-speech", THOMPSON[1], "regional-consultative-process; regional-cooperation",
                         [W_THOMPSON_SUPPORT]),
    "iom-readiness": ("reported-speech", THOMPSON[1], "regional-consultative-process", [W_IOM_READINESS]),
    "kenenbaev-quote": ("direct-quote", KENENBAEV[1],
                        "migration-flows; regional-consultative-process; regional-cooperation",
                        [W_KENENBAEV_QUOTE]),
    "kazakhstan-commitment": ("reported-speech", KENENBAEV[1], "regional-cooperation", [W_KAZ_COMMITMENT]),
    "kazakhstan-proposal-secretariat": ("reported-speech", KENENBAEV[1], "regional-consultative-process",
                                        [W_SECRETARIAT]),
    "kazakhstan-proposal-chair": ("reported-speech", KENENBAEV[1], "regional-consultative-process",
                                  [W_PROPOSAL, W_FIRST_CHAIR]),
    "outcome-strengthen-cooperation": ("joint-outcome", ALL_STATES_EN, "migration-flows; regional-cooperation",
                                       [W_STRENGTHEN]),
}

EXPECTED_FILES = [
    "q01-participating-states.rq",
    "q02-opener.rq",
    "q03-organisers-funders-supporters.rq",
    "q04-officials.rq",
    "q05-statements.rq",
    "q06-human-rights-and-asylum.rq",
    "q07-kazakhstan-proposals.rq",
    "q08-almaty-process-launch.rq",
    "q09-press-contacts.rq",
    "q10-joint-outcomes.rq",
    "q11-evidence-of-a-fact.rq",
    "q12-conflicts.rq",
    "q13-chairs-over-time.rq",
    "q14-meetings-of-a-process.rq",
    "q15-members-over-time.rq",
    "q16-documents-adopted.rq",
    "q17-roles-of-an-actor-by-year.rq",
]
#: the questions across releases: the seed (one release, no process history) answers few of them; their exact
#: answers are tested on the multi-release fixture corpus (tests/test_domain_corpus.py)
ACROSS_RELEASES = {"q13-chairs-over-time.rq", "q14-meetings-of-a-process.rq", "q15-members-over-time.rq",
                   "q16-documents-adopted.rq", "q17-roles-of-an-actor-by-year.rq"}
QUERY_FILES = sorted(QUERIES.glob("*.rq"))


# --------------------------------------------------------------------------- fixtures and helpers
@pytest.fixture(scope="module")
def built(built_dir) -> Build:
    """The seed build (`migkg build` of data/), opened as every reader of a build opens it."""
    return open_build(built_dir)


@pytest.fixture(scope="module")
def store(built) -> ox.Store:
    return built.store


@pytest.fixture(scope="module")
def union(built) -> Graph:
    """One rdflib graph holding every triple of every named graph (the union default graph)."""
    graph = Graph()
    for name in built.graph_names():
        graph.parse(data=built.ntriples(name), format="nt")
    return graph


@pytest.fixture(scope="module")
def iris() -> Iris:
    return Iris(DEFAULT_BASE)  # the seed is built with the default base


@pytest.fixture(scope="module")
def source() -> str:
    # decoded from bytes, not read_text(): offsets count the characters as stored
    return SOURCE.read_bytes().decode("utf-8")


def query_text(name: str) -> str:
    return (QUERIES / name).read_text(encoding="utf-8")


def run(store: ox.Store, name: str, text: str | None = None, **bindings) -> list[dict]:
    """The rows of a query on Oxigraph, as dicts of variable name -> pyoxigraph term (or None)."""
    results = store.query(text or query_text(name), use_default_graph_as_union=True,
                          substitutions={ox.Variable(k): v for k, v in bindings.items()})
    variables = [v.value for v in results.variables]
    return [{v: solution[v] for v in variables} for solution in results]


def val(term) -> str | None:
    return None if term is None else term.value


def local(term) -> str | None:
    """The id at the end of an IRI: after the last '/' or '#'."""
    return None if term is None else re.split(r"[/#]", term.value)[-1]


def lang(term) -> str | None:
    return term.language if isinstance(term, ox.Literal) else None


def as_strings_ox(rows: list[dict]) -> set[tuple]:
    return {tuple(val(t) for t in row.values()) for row in rows}


def assert_words_are_the_source(rows: list[dict], source: str, begin="begin", end="end", words="words"):
    for row in rows:
        b, e = int(val(row[begin])), int(val(row[end]))
        assert val(row[words]) == source[b:e], row


# --------------------------------------------------------------------------- the files themselves
def test_one_file_per_question():
    assert [p.name for p in QUERY_FILES] == EXPECTED_FILES


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_header(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    keys = [re.match(r"# ([\w-]+): ", line).group(1) for line in header]
    params = [line for line in header if line.startswith("# param: ")]
    first_rows = [line for line in header if line.startswith("# first-rows: ")]  # at most one (migkg.queries.streaming)
    examples = [line for line in header if line.startswith("# example: ")]
    assert keys == (["title", "question", "returns"] + ["param"] * len(params) + ["first-rows"] * len(first_rows)
                    + ["example"] * len(examples))
    assert len(first_rows) <= 1
    for line in params:
        assert re.fullmatch(r"# param: \w+ (iri|string|date|integer|decimal|language-tagged string)? ?— .+", line), line
    assert examples[0] == f"# example: migkg query queries/research/{path.name}"
    for line in examples[1:]:  # the documented values of its parameters (run by tests/test_engine_parity.py)
        assert re.fullmatch(rf"# example: migkg query {path.name[:3]}( --param \w+=\S+)+", line), line
    for line in header:
        assert len(line.split(": ", 1)[1].strip()) > 3, line
    if path.name.startswith("q11"):
        assert re.fullmatch(r"# param: fact iri — .+", header[3])
    body = lines[len(header):]
    assert body[0].startswith("PREFIX "), "PREFIX lines follow the header"
    text = "\n".join(body)
    assert re.search(r"^SELECT\b", text, re.M)
    assert re.search(r"^ORDER BY\b", text, re.M), "the row order must be deterministic"


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_rdflib_gives_the_same_rows_as_oxigraph(path: Path, store, union):
    text = path.read_text(encoding="utf-8")
    ox_rows = as_strings_ox(run(store, path.name, text))
    rdflib_rows = {tuple(None if t is None else str(t) for t in row) for row in union.query(text)}
    assert ox_rows or path.name in ACROSS_RELEASES, "the query answers something on the seed"
    assert rdflib_rows == ox_rows


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_labels_carry_the_language_of_their_column(path: Path, store):
    concatenated = {"speakers_en", "speakers_ru"}
    for row in run(store, path.name):
        for column, term in row.items():
            if term is None or column in concatenated:
                continue
            if column.endswith(("_ru", "_en")):
                assert lang(term) == column[-2:], (column, term)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.name)
def test_row_order_is_stable(path: Path, store):
    first = [tuple(val(t) for t in row.values()) for row in run(store, path.name)]
    again = [tuple(val(t) for t in row.values()) for row in run(store, path.name)]
    assert first == again


# --------------------------------------------------------------------------- the answers
def test_q01_participating_states_and_the_count(store):
    rows = run(store, "q01-participating-states.rq")
    assert len(rows) == 10
    assert {(val(r["iso3"]), val(r["name_ru"]), val(r["name_en"])) for r in rows} == \
        {(code, ru, en) for code, (ru, en) in STATES.items()}
    assert [val(r["iso3"]) for r in rows] == sorted(STATES)
    for row in rows:
        assert local(row["event"]) == EVENT
        assert val(row["event_date"]) == "2013-06-05"
        assert local(row["release"]) == RELEASE
        assert local(row["state"]) == val(row["iso3"])
        assert local(row["participation"]) == f"{EVENT}--participant--{val(row['iso3'])}"
        # «собрало вместе 8 правительств», but the footnote lists ten states
        assert local(row["claim"]) == "count-of-governments"
        assert int(val(row["claimed_count"])) == 8
        assert int(val(row["listed_count"])) == 10
        assert row["counts_agree"] == ox.Literal("false", datatype=ox.NamedNode(
            "http://www.w3.org/2001/XMLSchema#boolean"))


def test_q02_opener(store):
    rows = run(store, "q02-opener.rq")
    assert len(rows) == 1
    row = rows[0]
    assert local(row["event"]) == EVENT
    assert local(row["participation"]) == f"{EVENT}--opener--erlan-idrissov"
    assert (val(row["name_ru"]), val(row["name_en"])) == IDRISSOV
    assert (val(row["post_ru"]), val(row["post_en"])) == (
        "Министр иностранных дел Республики Казахстан", "Minister of Foreign Affairs of the Republic of Kazakhstan")
    assert (val(row["body_ru"]), val(row["body_en"])) == (
        "Министерство иностранных дел Республики Казахстан", "Ministry of Foreign Affairs of the Republic of Kazakhstan")
    assert (val(row["iso3"]), val(row["state_ru"]), val(row["state_en"])) == ("KAZ", "Казахстан", "Kazakhstan")
    assert local(row["holding"]) == f"erlan-idrissov--kaz-minister-foreign-affairs--{EVENT}"


def test_q03_organisers_funders_supporters(store):
    rows = run(store, "q03-organisers-funders-supporters.rq")
    assert [(local(r["role"]), val(r["agent_ru"]), val(r["agent_en"])) for r in rows] == [
        ("organiser", *KAZ_GOVERNMENT),
        ("funder", *KAZ_GOVERNMENT),
        ("supporter", *IOM),
        ("supporter", *UNHCR),
    ]
    assert [(val(r["role_en"]), val(r["role_ru"])) for r in rows] == [
        ("organiser", "организатор"), ("funder", "финансирующая сторона"),
        ("supporter", "сторона, оказывающая поддержку"), ("supporter", "сторона, оказывающая поддержку")]
    for row in rows:
        assert local(row["event"]) == EVENT
        assert local(row["participation"]) == f"{EVENT}--{local(row['role'])}--{local(row['agent'])}"


def test_q04_officials(store):
    rows = run(store, "q04-officials.rq")
    got = [(val(r["name_ru"]), val(r["name_en"]), val(r["post_en"]), val(r["organisation_en"]),
             val(r["top_ru"]), val(r["top_en"]), local(r["top_class"]), val(r["top_iso3"])) for r in rows]
    assert got == [
        (*GUTERRES, "United Nations High Commissioner for Refugees", UNHCR[1], *UN,
         "IntergovernmentalOrganization", None),
        (*IDRISSOV, "Minister of Foreign Affairs of the Republic of Kazakhstan",
         "Ministry of Foreign Affairs of the Republic of Kazakhstan", "Казахстан", "Kazakhstan", "State", "KAZ"),
        (*KENENBAEV, "Deputy Minister of Internal Affairs of the Republic of Kazakhstan",
         "Ministry of Internal Affairs of the Republic of Kazakhstan", "Казахстан", "Kazakhstan", "State", "KAZ"),
        (*THOMPSON, "Deputy Director General of IOM", IOM[1], *IOM, "IntergovernmentalOrganization", None),
    ]
    assert [val(r["post_ru"]) for r in rows] == [
        "Верховный комиссар ООН по делам беженцев", "Министр иностранных дел Республики Казахстан",
        "Заместитель министра внутренних дел Республики Казахстан", "Заместитель Генерального директора МОМ"]
    assert [val(r["organisation_ru"]) for r in rows] == [
        UNHCR[0], "Министерство иностранных дел Республики Казахстан",
        "Министерство внутренних дел Республики Казахстан", IOM[0]]
    for row in rows:
        assert local(row["release"]) == RELEASE
        assert local(row["event"]) == EVENT


def test_q05_statements(store, source):
    rows = run(store, "q05-statements.rq")
    assert len(rows) == sum(len(s[3]) for s in STATEMENTS.values()) == 17
    assert_words_are_the_source(rows, source)
    got = {(local(r["statement"]), local(r["kind"]), val(r["speakers_en"]), val(r["topics"]), val(r["words"]))
           for r in rows}
    expected = {(sid, kind, speakers, topics, words)
                for sid, (kind, speakers, topics, spans) in STATEMENTS.items() for words in spans}
    assert got == expected
    # the Russian names line up with the English ones
    ru_of = {en: ru for ru, en in [IDRISSOV, GUTERRES, THOMPSON, KENENBAEV]} | {ALL_STATES_EN: ALL_STATES_RU}
    for row in rows:
        assert val(row["speakers_ru"]) == ru_of[val(row["speakers_en"])]
        assert local(row["release"]) == RELEASE
        assert local(row["span"]) == f"char={val(row['begin'])},{val(row['end'])}"
    kinds = {local(r["kind"]): (val(r["kind_en"]), val(r["kind_ru"])) for r in rows}
    assert kinds == {"joint-outcome": ("joint outcome", "совместный итог"),
                     "reported-speech": ("reported speech", "косвенная речь"),
                     "direct-quote": ("direct quote", "прямая цитата")}
    # in the order of the text
    assert [int(val(r["begin"])) for r in rows] == sorted(int(val(r["begin"])) for r in rows)
    assert [val(r["words"]) for r in rows][:2] == [W_EXPAND, W_IDRISSOV_RESPONSIBILITY]
    assert val(rows[-1]["words"]) == W_STRENGTHEN


def test_q06_human_rights_and_access_to_asylum(store, source):
    rows = run(store, "q06-human-rights-and-asylum.rq")
    assert_words_are_the_source(rows, source)
    assert {(local(r["statement"]), local(r["concept"]), local(r["topic"]), val(r["words"])) for r in rows} == {
        ("outcome-expand-dialogue", "human-rights", "human-rights", W_EXPAND),
        ("outcome-expand-dialogue", "access-to-asylum", "access-to-asylum", W_EXPAND),
        ("guterres-call", "human-rights", "human-rights", W_GUTERRES_CALL),
        ("guterres-quote", "human-rights", "human-rights", W_GUTERRES_QUOTE),
        ("guterres-access-to-asylum", "access-to-asylum", "access-to-asylum", W_GUTERRES_ASYLUM),
        # «уважение прав мигрантов»: a narrower topic counts under human rights
        ("thompson-quote", "human-rights", "rights-of-migrants", W_THOMPSON_QUOTE),
    }
    assert len(rows) == 6
    narrower = next(r for r in rows if local(r["topic"]) == "rights-of-migrants")
    assert (val(narrower["topic_en"]), val(narrower["topic_ru"])) == ("rights of migrants", "права мигрантов")
    assert val(narrower["speakers_en"]) == THOMPSON[1]
    assert {val(r["speakers_en"]) for r in rows} == {ALL_STATES_EN, GUTERRES[1], THOMPSON[1]}


def test_q07_kazakhstan_proposals(store, source):
    rows = run(store, "q07-kazakhstan-proposals.rq")
    assert_words_are_the_source(rows, source)
    assert [(local(r["statement"]), local(r["proposed_role"]), val(r["words"])) for r in rows] == [
        ("kazakhstan-proposal-chair", "first-chair", W_PROPOSAL),
        ("kazakhstan-proposal-secretariat", "secretariat-host", W_SECRETARIAT),
        ("kazakhstan-proposal-chair", "first-chair", W_FIRST_CHAIR),
    ]
    roles = {local(r["proposed_role"]): (val(r["proposed_role_en"]), val(r["proposed_role_ru"])) for r in rows}
    assert roles == {"first-chair": ("first chair", "первый председатель"),
                     "secretariat-host": ("secretariat host", "страна размещения секретариата")}
    for row in rows:
        assert (val(row["proposer_ru"]), val(row["proposer_en"])) == KAZ_GOVERNMENT
        assert (val(row["process_ru"]), val(row["process_en"])) == ("Алматинский процесс", "Almaty Process")
        assert (val(row["speaker_ru"]), val(row["speaker_en"])) == KENENBAEV
        assert (val(row["post_ru"]), val(row["post_en"])) == (
            "Заместитель министра внутренних дел Республики Казахстан",
            "Deputy Minister of Internal Affairs of the Republic of Kazakhstan")
        assert local(row["release"]) == RELEASE


def test_q08_launch_of_the_almaty_process(store, source):
    rows = run(store, "q08-almaty-process-launch.rq")
    assert len(rows) == 1
    row = rows[0]
    assert_words_are_the_source(rows, source)
    assert val(row["words"]) == ("посредством запуска регионального консультативного процесса по миграции - "
                                 "Алматинского процесса")
    assert local(row["launch"]) == "almaty-process"
    assert (val(row["process_ru"]), val(row["process_en"])) == ("Алматинский процесс", "Almaty Process")
    assert local(row["event"]) == EVENT
    assert (val(row["event_name"]), lang(row["event_name"])) == (CONFERENCE_NAME, "ru")
    assert val(row["event_date"]) == "2013-06-05"
    assert (val(row["place_ru"]), val(row["place_en"])) == ("Алматы", "Almaty")
    assert local(row["kind"]) == "RegionalConsultativeProcess"
    assert (val(row["kind_ru"]), val(row["kind_en"])) == (
        "Региональный консультативный процесс по миграции", "Regional consultative process on migration")
    assert local(row["kind_attestation"]) == "process--almaty-process--type"
    assert local(row["release"]) == RELEASE


def test_q09_press_contacts(store, source):
    rows = run(store, "q09-press-contacts.rq")
    assert_words_are_the_source(rows, source)
    assert [(val(r["person_ru"]), val(r["person_en"]), val(r["organisation_ru"]), val(r["organisation_en"]),
             val(r["telephone"]), val(r["email"]), val(r["words"])) for r in rows] == [
        ("Жанна Досова", "Zhanna Dossova", *UNHCR, "+77775562277", "dossova@unhcr.org",
         "УВКБ ООН: Жанна Досова, тел. + 7 777 556 22 77, dossova@unhcr.org"),
        ("Алия Аликова", "Aliya Alikova", *IOM, "+77777792874", "aalikova@iom.int",
         "МОМ: Алия Аликова, тел.: +7 777 779 28 74, aalikova@iom.int"),
    ]
    assert [local(r["contact"]) for r in rows] == ["zhanna-dossova", "aliya-alikova"]


def test_q10_joint_outcomes(store, source):
    rows = run(store, "q10-joint-outcomes.rq")
    assert_words_are_the_source(rows, source)
    assert [(local(r["statement"]), int(val(r["party_count"])), val(r["parties"]), val(r["topics"]),
             val(r["words"])) for r in rows] == [
        ("outcome-expand-dialogue", 10, ALL_STATES_ISO3,
         "access-to-asylum; human-rights; regional-cooperation; regular-migration", W_EXPAND),
        ("outcome-strengthen-cooperation", 10, ALL_STATES_ISO3, "migration-flows; regional-cooperation",
         W_STRENGTHEN),
    ]
    for row in rows:
        assert local(row["event"]) == EVENT
        assert local(row["release"]) == RELEASE


# --------------------------------------------------------------------------- q11: evidence of a fact
Q11 = "q11-evidence-of-a-fact.rq"


def test_q11_bound_fact_gives_its_words(iris, store, source):
    fact = iris.fact(RELEASE, "statement", "kazakhstan-proposal-secretariat")
    rows = run(store, Q11, fact=fact)
    assert [(val(r["fact"]), val(r["release"]), val(r["words"])) for r in rows] == [
        (fact.value, iris.release(RELEASE).value, W_SECRETARIAT)]
    begin = source.index(W_SECRETARIAT)
    assert (int(val(rows[0]["begin"])), int(val(rows[0]["end"]))) == (begin, begin + len(W_SECRETARIAT))

    # a fact cited by two spans (the words around the secretariat offer) gives two rows
    chair = iris.fact(RELEASE, "statement", "kazakhstan-proposal-chair")
    rows = run(store, Q11, fact=chair)
    assert [val(r["words"]) for r in rows] == [W_PROPOSAL, W_FIRST_CHAIR]
    assert_words_are_the_source(rows, source)


def test_q11_binding_by_values_and_by_rdflib(iris, store, union):
    fact = iris.fact(RELEASE, "participation", EVENT, "participant", "TKM")
    text = query_text(Q11)
    expected = {(fact.value, iris.release(RELEASE).value, "Туркменистан")}

    with_values = text + f"\nVALUES ?fact {{ <{fact.value}> }}\n"
    ox_rows = run(store, Q11, with_values)
    assert {(val(r["fact"]), val(r["release"]), val(r["words"])) for r in ox_rows} == expected

    for rows in (union.query(with_values), union.query(text, initBindings={Variable("fact"): URIRef(fact.value)})):
        assert {(str(r.fact), str(r.release), str(r.words)) for r in rows} == expected


def test_q11_unbound_lists_every_fact(store, union, source):
    rows = run(store, Q11)
    facts_in_graph = {str(s) for s in union.subjects(PROV.wasDerivedFrom, None)}
    assert {val(r["fact"]) for r in rows} == facts_in_graph
    spans_in_graph = {(str(s), str(o)) for s, o in union.subject_objects(PROV.wasDerivedFrom)}
    assert {(val(r["fact"]), val(r["span"])) for r in rows} == spans_in_graph
    assert_words_are_the_source(rows, source)
    assert {local(r["release"]) for r in rows} == {RELEASE}
    # every kind of fact is there, e.g. the count claim and the contact lines
    ids = {local(r["fact"]) for r in rows}
    assert {"count-of-governments", "zhanna-dossova", "almaty-process", "release--title"} <= ids


def test_q12_conflicts_the_count_claim_with_both_sides(store):
    """The seed's one disagreement, as the build publishes it (graph/conflicts): the release counts
    «8 правительств» but lists ten participating states. The row leads to the claim, its count as the release
    states it, the release graph that states it, and the message with the other side (10 listed)."""
    rows = run(store, "q12-conflicts.rq")
    assert [{k: val(v) for k, v in row.items() if k != "message"} for row in rows] == [{
        "conflict": rows[0]["conflict"].value,
        "focus": f"{DEFAULT_BASE}release/{RELEASE}/claim/count-of-governments",
        "property": "https://w3id.org/migkg/ontology#claimedCount",
        "value": "8",
        "shape": "https://w3id.org/migkg/shapes#CountClaim-matches",
        "graph": f"{DEFAULT_BASE}release/{RELEASE}/graph",
        "release": f"{DEFAULT_BASE}release/{RELEASE}",
    }]
    [row] = rows
    assert re.fullmatch(rf"{re.escape(DEFAULT_BASE)}conflict/[0-9a-f]{{16}}", row["conflict"].value)
    assert row["message"].language == "en"
    assert val(row["message"]).startswith(f"The release states a count of 8 but lists 10 distinct agents with role "
                                           f"{DEFAULT_BASE}role/participant at event {DEFAULT_BASE}event/{EVENT}.")
    # the side is the release's own statement, word for word: its graph states the claim's count
    stated = store.query("ASK { GRAPH ?graph { ?focus ?property ?value } }", substitutions={
        ox.Variable(k): row[k] for k in ("graph", "focus", "property", "value")})
    assert bool(stated)
    # and the conflict is in a graph of its own, held by a report that does not conform (it has a result)
    report = list(store.query(f"SELECT ?g ?conforms WHERE {{ GRAPH ?g {{ ?r a sh:ValidationReport ; sh:conforms ?conforms ; "
                              f"sh:result <{row['conflict'].value}> }} }}", prefixes={"sh": "http://www.w3.org/ns/shacl#"}))
    assert [(val(r["g"]), val(r["conforms"])) for r in report] == [(f"{DEFAULT_BASE}graph/conflicts", "false")]
