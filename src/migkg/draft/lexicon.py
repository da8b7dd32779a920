"""The cue words the drafter looks for, per language: data, not code.

Russian cues are lemmas (natasha lemmatises the text, so «отметила», «отметил» and
«отметили» all meet «отметить»); English cues are lower-case word forms. Each set says
in its name what it finds; extend a set to teach the drafter a new phrasing.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    honorifics: frozenset[str]          # words before a name that are not part of it
    pronouns_person: frozenset[str]     # he / she: the speaker is the last person named
    reporting_verbs: frozenset[str]     # said, stressed, called on ...
    commitment_verbs: frozenset[str]    # assured, pledged ...: a commitment when an actor follows
    commitment_nouns: frozenset[str]    # «выразила готовность»: the noun that makes a verb a commitment
    joint_verbs: frozenset[str]         # agreed, adopted: a joint outcome when the subject is collective
    collective_subjects: frozenset[str]  # states, participants, governments ...
    title_heads: tuple[tuple[str, ...], ...]  # the heads of post titles, as word sequences
    ministerial_heads: frozenset[str]   # titles whose organisation is a ministry
    ministry_word: str                  # what a ministerial title's organisation is called
    government_word: str
    role_cues: dict[str, tuple[tuple[str, ...], ...]]  # role -> word sequences announcing its agents
    delegation_words: frozenset[str]
    launch_words: frozenset[str]
    counted_nouns: dict[str, str]       # noun -> class id counted (government, state)
    gathering_words: frozenset[str]     # words saying who took part in the event
    contact_headers: tuple[str, ...]    # lower-case beginnings of a contacts section
    press_release: str                  # a regular expression for the kind line
    today: frozenset[str]
    and_words: frozenset[str]
    # nouns that, after a state's adjective, name the state itself («казахстанская сторона», "the Kazakh side")
    state_side_words: frozenset[str] = frozenset()
    # words of headings and kind lines that NER takes for part of a name («ПРЕСС-РЕЛИЗ МОМ»)
    heading_words: frozenset[str] = frozenset()
    # the head nouns of processes' names («Пражский процесс», "the Bali Process"): a lemma in Russian
    process_heads: frozenset[str] = frozenset()


RUSSIAN = Lexicon(
    honorifics=frozenset({"г-н", "г-на", "г-ну", "г-ном", "г-не", "г-жа", "г-жи", "г-же", "г-жу", "г-жой",
                          "господин", "госпожа", "гн", "гжа"}),
    pronouns_person=frozenset({"он", "она"}),
    reporting_verbs=frozenset({"отметить", "подчеркнуть", "призвать", "заявить", "сказать", "сообщить",
                               "заверить", "выразить", "поддержать", "указать", "добавить", "напомнить",
                               "пояснить", "констатировать", "высказаться", "обратить", "предложить",
                               "рассказать", "приветствовать", "акцентировать", "отмечать",
                               "подчеркивать", "призывать", "заявлять", "говорить"}),
    commitment_verbs=frozenset({"заверить", "обязаться", "пообещать", "гарантировать"}),
    commitment_nouns=frozenset({"готовность", "приверженность"}),
    joint_verbs=frozenset({"согласиться", "договориться", "условиться", "одобрить", "принять",
                           "утвердить", "подписать"}),
    collective_subjects=frozenset({"страна", "государство", "участник", "страна-участница",
                                   "государство-участник", "правительство", "министр", "делегация",
                                   "сторона"}),
    title_heads=(("первый", "заместитель", "министр"), ("заместитель", "министр"), ("вице-министр",),
                 ("министр",), ("заместитель", "генеральный", "директор"), ("генеральный", "директор"),
                 ("региональный", "директор"), ("директор",), ("заместитель", "верховный", "комиссар"),
                 ("верховный", "комиссар"), ("специальный", "представитель"), ("постоянный", "представитель"),
                 ("представитель",), ("глава",), ("руководитель",), ("посол",), ("председатель",),
                 ("генеральный", "секретарь"), ("государственный", "секретарь"), ("комиссар",),
                 ("координатор",)),
    ministerial_heads=frozenset({"министр", "вице-министр"}),
    ministry_word="Министерство",
    government_word="Правительство",
    role_cues={
        "opener": (("открыть",), ("открывать", "конференция"), ("открывать", "встреча")),
        "organiser": (("организовать",), ("организатор",)),
        "funder": (("профинансировать",), ("финансировать",), ("финансовый", "поддержка")),
        "supporter": (("при", "поддержка"), ("при", "содействие")),
        "host": (("принимающий", "сторона"),),
    },
    delegation_words=frozenset({"делегация"}),
    launch_words=frozenset({"запуск", "запустить", "учреждение", "учредить", "создание", "начало"}),
    counted_nouns={"правительство": "government", "государство": "state", "страна": "state"},
    gathering_words=frozenset({"собрать", "участие", "участвовать", "участник", "собраться", "присутствовать",
                               "объединить"}),
    contact_headers=("за дополнительной информацией", "контакты", "контактная информация",
                     "для получения дополнительной информации", "для справок"),
    press_release=r"(?i)^\s*(пресс[\s-]*релиз|сообщение для прессы|информационное сообщение)\s*$",
    today=frozenset({"сегодня"}),
    and_words=frozenset({"и", "а", "также"}),
    state_side_words=frozenset({"сторона"}),
    process_heads=frozenset({"процесс", "диалог"}),
    heading_words=frozenset({"пресс-релиз", "новости", "сообщение", "пресс-служба", "релиз"}),
)

ENGLISH = Lexicon(
    honorifics=frozenset({"mr", "mrs", "ms", "dr", "prof", "h.e", "excellency", "sir", "madam", "mx"}),
    pronouns_person=frozenset({"he", "she"}),
    reporting_verbs=frozenset({"said", "says", "stressed", "stresses", "noted", "notes", "called", "calls",
                               "urged", "urges", "underlined", "underlines", "emphasized", "emphasised",
                               "highlighted", "highlights", "stated", "added", "recalled",
                               "reminded", "pointed", "welcomed", "welcomes", "assured", "pledged",
                               "affirmed", "reaffirmed", "announced", "expressed", "told", "explained",
                               "warned", "argued", "observed", "acknowledged", "praised", "commended",
                               "proposed", "suggested", "declared", "remarked", "insisted"}),
    commitment_verbs=frozenset({"assured", "pledged", "committed", "promised", "reaffirmed"}),
    commitment_nouns=frozenset({"readiness", "commitment", "willingness"}),
    joint_verbs=frozenset({"agreed", "adopted", "endorsed", "decided", "resolved", "approved", "signed"}),
    collective_subjects=frozenset({"states", "participants", "countries", "governments", "ministers",
                                   "delegations", "parties", "officials", "they", "members"}),
    title_heads=(("deputy", "director", "general"), ("director", "general"), ("director-general",),
                 ("deputy", "director-general"), ("assistant", "high", "commissioner"),
                 ("deputy", "high", "commissioner"), ("high", "commissioner"), ("first", "deputy", "minister"),
                 ("deputy", "minister"), ("vice", "minister"), ("vice-minister",), ("minister",),
                 ("special", "representative"), ("permanent", "representative"), ("representative",),
                 ("chief", "of", "mission"), ("head", "of", "mission"), ("regional", "director"),
                 ("director",), ("ambassador",), ("secretary", "general"), ("secretary-general",),
                 ("state", "secretary"), ("secretary", "of", "state"), ("executive", "director"),
                 ("chairperson",), ("chair",), ("president",), ("commissioner",), ("head",),
                 ("coordinator",)),
    ministerial_heads=frozenset({"minister", "vice-minister"}),
    ministry_word="Ministry",
    government_word="Government",
    role_cues={
        "opener": (("opened", "by"), ("opening", "the", "conference"), ("opening", "the", "meeting")),
        "organiser": (("organized", "by"), ("organised", "by"), ("convened", "by")),
        "funder": (("funded", "by"), ("financed", "by"), ("financial", "support", "of"),
                   ("financial", "support", "from")),
        "supporter": (("with", "the", "support", "of"), ("supported", "by"), ("with", "support", "from"),
                      ("in", "cooperation", "with")),
        "host": (("hosted", "by"),),
    },
    delegation_words=frozenset({"delegation"}),
    launch_words=frozenset({"launch", "launched", "launching", "establishment", "established", "creation"}),
    counted_nouns={"governments": "government", "states": "state", "countries": "state"},
    gathering_words=frozenset({"met", "gathered", "attended", "participated", "brought", "took", "participating",
                               "joined", "from"}),
    contact_headers=("for more information", "for further information", "media contact", "press contact",
                     "contacts", "for media enquiries", "for media inquiries"),
    press_release=r"(?i)^\s*(press[\s-]*release|news[\s-]*release|press\s+briefing\s+note|media\s+advisory)\s*$",
    today=frozenset({"today"}),
    and_words=frozenset({"and"}),
    state_side_words=frozenset({"side", "sides"}),
    process_heads=frozenset({"process", "dialogue"}),
    heading_words=frozenset({"press", "release", "news", "press-release"}),
)

LEXICONS = {"ru": RUSSIAN, "en": ENGLISH}
