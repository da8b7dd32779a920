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
    #: heads of a process's name that come before the rest of it, in Russian: «Панель Восточного партнерства …»
    process_heads_first: frozenset[str] = frozenset()
    # words before organisations that, in a sentence about taking part, make them participants
    representatives: str = r"(?!x)x"
    # (role, verb): the agent at the sentence's start is the subject ("X hosted the meeting")
    subject_roles: tuple[tuple[str, str], ...] = ()
    opened_relative: str = ""  # "…, who opened the meeting", «…, открывший встречу»: the person before opened it
    partners: str = ""      # right after such a verb, "with": the agents listed next share the role
    # (role, the words from the sentence's start): the meeting put first, its agent right after the verb
    object_first_roles: tuple[tuple[str, str], ...] = ()
    delegation_led: str = ""  # after «делегация»: who led it follows ("was led by", «возглавил»)
    delegation_head: str = ""  # before «делегации»: its head, named after it («глава кыргызской делегации, ... X»)
    delegation_led_before: str = ""  # right before «делегацию»: the person named before led it ("X headed the")
    represented: str = ""     # a state "represented by" a person: of its delegation
    # a verb of taking part in a meeting: the agents listed as its subject are participants ("Switzerland attended
    # as an observer", «Узбекистан впервые принял участие в конференции»)
    taking_part: str = ""
    taking_part_process: str = ""  # right after that verb: taking part in the process itself, not in a meeting
    # a process's launch dated without its meeting: the verb after its subject ("was launched", «был создан»), and a
    # participle opening the sentence before the process ("Launched in 2006, the Rabat Process …")
    launched: str = r"(?!x)x"
    launched_first: str = r"(?!x)x"


RUSSIAN = Lexicon(
    honorifics=frozenset({"г-н", "г-на", "г-ну", "г-ном", "г-не", "г-жа", "г-жи", "г-же", "г-жу", "г-жой",
                          "господин", "госпожа", "гн", "гжа"}),
    pronouns_person=frozenset({"он", "она"}),
    reporting_verbs=frozenset({"отметить", "подчеркнуть", "призвать", "заявить", "сказать", "сообщить",
                               "заверить", "выразить", "поддержать", "указать", "добавить", "напомнить",
                               "пояснить", "констатировать", "высказаться", "обратить", "предложить",
                               "рассказать", "приветствовать", "акцентировать", "отмечать",
                               "подчеркивать", "призывать", "заявлять", "говорить", "пообещать", "обещать"}),
    commitment_verbs=frozenset({"заверить", "обязаться", "пообещать", "гарантировать"}),
    commitment_nouns=frozenset({"готовность", "приверженность"}),
    joint_verbs=frozenset({"согласиться", "договориться", "условиться", "одобрить", "принять",
                           "утвердить", "подписать", "рекомендовать"}),
    collective_subjects=frozenset({"страна", "государство", "участник", "страна-участница",
                                   "государство-участник", "правительство", "министр", "делегация",
                                   "сторона", "эксперт", "делегат"}),
    title_heads=(("первый", "заместитель", "министр"), ("заместитель", "министр"), ("вице-министр",),
                 ("министр",), ("заместитель", "генеральный", "директор"), ("генеральный", "директор"),
                 ("региональный", "директор"), ("директор",), ("заместитель", "верховный", "комиссар"),
                 ("верховный", "комиссар"), ("специальный", "представитель"), ("постоянный", "представитель"),
                 ("представитель",), ("глава",), ("руководитель",), ("посол",), ("председатель",),
                 ("генеральный", "секретарь"), ("государственный", "секретарь"), ("комиссар",),
                 ("постоянный", "секретарь"), ("координатор",), ("заместитель", "начальник"), ("начальник",),
                 ("заместитель", "руководитель"), ("заместитель", "директор"), ("заместитель", "председатель"),
                 ("заместитель", "глава"), ("первый", "заместитель", "директор"),
                 ("первый", "заместитель", "руководитель"), ("первый", "заместитель", "председатель")),
    ministerial_heads=frozenset({"министр", "вице-министр"}),
    ministry_word="Министерство",
    government_word="Правительство",
    role_cues={
        "opener": (("открыть",), ("открывать", "конференция"), ("открывать", "встреча"), ("открывать", "заседание"),
                   ("открывать", "совещание"), ("открывать", "консультация"), ("открывать", "сессия"),
                   ("открывать", "семинар"), ("открывать", "форум")),
        "organiser": (("организовать",), ("организатор",)),
        "funder": (("профинансировать",), ("финансировать",), ("финансовый", "поддержка")),
        "supporter": (("при", "поддержка"), ("при", "содействие")),
        "host": (("принимающий", "сторона"), ("принимать", "сторона"), ("принимать", "у", "себя")),
    },
    delegation_words=frozenset({"делегация"}),
    launch_words=frozenset({"запуск", "запустить", "учреждение", "учредить", "создание", "начало"}),
    launched=r"(?<!\w)(?:был[аио]?\s+)?(?:официально\s+)?(?:запущен|создан|учрежд[её]н|основан)[аоы]?(?!\w)|"
             r"(?<=,\s)(?:запущенн|созданн|учрежденн|учреждённ|основанн)\w+",
    launched_first=r"^\s*(?:Запущенный|Созданный|Учрежденный|Учреждённый|Основанный)\s",
    counted_nouns={"правительство": "government", "государство": "state", "страна": "state"},
    gathering_words=frozenset({"собрать", "участие", "участвовать", "участник", "собраться", "присутствовать",
                               "объединить"}),
    contact_headers=("за дополнительной информацией", "контакты", "контактная информация",
                     "для получения дополнительной информации", "для справок"),
    press_release=r"(?i)^\s*(пресс[\s-]*релиз|сообщение для прессы|информационное сообщение)\s*$",
    today=frozenset({"сегодня"}),
    and_words=frozenset({"и", "а", "также"}),
    state_side_words=frozenset({"сторона"}),
    process_heads=frozenset({"процесс", "диалог", "панель"}),
    process_heads_first=frozenset({"панель"}),
    representatives=r"\bпредставител\w+\s+$",
    opened_relative=r"\s*,\s*(?:открывш\w+|котор\w+\s+открыл\w*)\s+(?:\w+\s+){0,2}?(?:встреч|совещани|конференци|"
                    r"заседани|консультаци|сесси)\w*",
    subject_roles=(("host", r"\bвыступ\w+\s+(?:в\s+качестве\s+)?принимающ\w+\s+сторон\w+"),),
    taking_part=r"\b(?:принял[аио]?|приняли)\s+участие\b|\bучаствовал\w*|\bприсутствовал\w*",
    taking_part_process=r"^\s+(?:\w+\s+){0,2}?в\s+(?:работе\s+)?(?:\w+\s+)?(?:процесс|диалог|сет)\w*",
    # «делегацию возглавил …»; «Делегацию Чехии, которая …, возглавляет …»: the state's name, a clause between commas
    delegation_led=r"^\s*(?:[А-ЯЁ]\w+\s*)?(?:,[^,.;]{1,80},\s*)?(?:\w+\s+){0,2}?(?:возглавил\w*|возглавлял\w*|"
                   r"возглавля(?:ет|ют)|руководил\w*|руковод(?:ит|ят))\s+",
    delegation_head=r"\b(?:глав\w+|руководител\w+)\s+(?:\w+\s+)?$",
    delegation_led_before=r"(?<!\w)(?:возглавля\w*|возглавил\w*|руководил\w*)\s+(?:\w+\s+)?$",
    represented=r"(?<!\w)(?:представлял[аи]?|был[аои]?\s+представлен[аоы]?)(?!\w)",
    object_first_roles=(("host", r"\s*(?:встреч|конференци|совещани|заседани|консультаци)\w*\b[^.;]*?"
                                 r"\bпринимал[аио]?\s+"),
                        ("organiser", r"\s*(?:встреч|конференци|совещани|заседани|консультаци)\w*\b[^.;]*?"
                                      r"\b(?:организовал|провел|провёл)[аио]?\s+"),
                        # «Техническую поддержку конференции оказывала МОМ»: support given, its giver after the verb
                        ("supporter", r"\s*(?:\w+\s+)?(?:поддержк|содействи|помощь)\w*\s+(?:в\s+)?(?:проведени\w+\s+)?"
                                      r"(?:встреч|конференци|совещани|заседани|консультаци|семинар|форум)\w*\s+"
                                      r"(?:\w+\s+)?оказ\w+\s+")),
    heading_words=frozenset({"пресс-релиз", "новости", "сообщение", "пресс-служба", "релиз"}),
)

ENGLISH = Lexicon(
    honorifics=frozenset({"mr", "mrs", "ms", "dr", "prof", "h.e", "excellency", "sir", "madam", "mx", "hon"}),
    pronouns_person=frozenset({"he", "she"}),
    reporting_verbs=frozenset({"said", "says", "stressed", "stresses", "noted", "notes", "called", "calls",
                               "urged", "urges", "underlined", "underlines", "emphasized", "emphasised",
                               "highlighted", "highlights", "stated", "added", "recalled",
                               "reminded", "pointed", "welcomed", "welcomes", "assured", "pledged",
                               "affirmed", "reaffirmed", "announced", "expressed", "told", "explained",
                               "warned", "argued", "observed", "acknowledged", "praised", "commended",
                               "proposed", "suggested", "declared", "remarked", "insisted", "offered", "promised",
                               "reiterated", "reiterates", "thanked"}),
    commitment_verbs=frozenset({"assured", "pledged", "committed", "promised", "reaffirmed"}),
    commitment_nouns=frozenset({"readiness", "commitment", "willingness"}),
    joint_verbs=frozenset({"agreed", "adopted", "endorsed", "decided", "resolved", "approved", "signed",
                           "recommended"}),
    collective_subjects=frozenset({"states", "participants", "countries", "governments", "ministers",
                                   "delegations", "parties", "officials", "they", "members", "experts",
                                   "delegates"}),
    title_heads=(("deputy", "director", "general"), ("director", "general"), ("director-general",),
                 ("deputy", "director-general"), ("assistant", "high", "commissioner"),
                 ("deputy", "high", "commissioner"), ("high", "commissioner"), ("first", "deputy", "minister"),
                 ("deputy", "minister"), ("vice", "minister"), ("vice-minister",), ("minister",),
                 ("special", "representative"), ("permanent", "representative"), ("representative",),
                 ("chief", "of", "mission"), ("head", "of", "mission"), ("regional", "director"),
                 ("director",), ("ambassador",), ("secretary", "general"), ("secretary-general",),
                 ("state", "secretary"), ("secretary", "of", "state"), ("executive", "director"),
                 ("permanent", "secretary"), ("additional", "secretary"), ("chairperson",), ("chairman",),
                 ("chair",), ("president",), ("commissioner",), ("officer",), ("deputy", "head"), ("deputy", "chief"),
                 ("deputy", "director"), ("head",), ("coordinator",), ("special", "envoy"), ("envoy",),
                 ("deputy", "state", "secretary"), ("undersecretary",), ("under-secretary",), ("deputy", "president"),
                 ("first", "deputy", "director"), ("first", "deputy", "head")),
    ministerial_heads=frozenset({"minister", "vice-minister"}),
    ministry_word="Ministry",
    government_word="Government",
    role_cues={
        "opener": (("opened", "by"), ("opening", "the", "conference"), ("opening", "the", "meeting"),
                   ("opening", "the", "session"), ("opening", "the", "consultation"), ("opening", "the", "workshop"),
                   ("opening", "the", "seminar"), ("opening", "the", "forum")),
        "organiser": (("organized", "by"), ("organised", "by"), ("co-organized", "by"), ("co-organised", "by"),
                      ("convened", "by")),
        "funder": (("funded", "by"), ("financed", "by"), ("financial", "support", "of"),
                   ("financial", "support", "from")),
        "supporter": (("with", "the", "support", "of"), ("supported", "by"), ("with", "support", "from"),
                      ("in", "cooperation", "with")),
        "host": (("hosted", "by"),),
    },
    delegation_words=frozenset({"delegation"}),
    launch_words=frozenset({"launch", "launched", "launching", "establishment", "established", "creation"}),
    # "was launched in 2003", and in commas after the name: "The Colombo Process, set up in 2003, brings together …"
    launched=r"\b(?:(?:was|were|has\s+been|had\s+been)\s+(?:officially\s+|formally\s+|first\s+)?|(?<=,\s))"
             r"(?:launched|established|founded|created|set\s+up)\b",
    launched_first=r"^\s*(?:Launched|Established|Founded|Created|Set\s+up)\s+in\b",
    counted_nouns={"governments": "government", "states": "state", "countries": "state"},
    gathering_words=frozenset({"met", "gathered", "attended", "participated", "brought", "took", "participating",
                               "joined", "from"}),
    contact_headers=("for more information", "for further information", "media contact", "press contact",
                     "contacts", "for media enquiries", "for media inquiries"),
    press_release=r"(?i)^\s*(press[\s-]*release|news[\s-]*release|press\s+briefing\s+note|media\s+advisory)\s*$",
    today=frozenset({"today"}),
    and_words=frozenset({"and"}),
    state_side_words=frozenset({"side", "sides"}),
    process_heads=frozenset({"process", "dialogue", "panel"}),
    representatives=r"\b(?:representatives|delegates|officials|experts|delegations)\s+(?:of|from)\s+(?:the\s+)?"
                    r"(?:[^,.;]{1,40}\s+and\s+(?:of|from)\s+(?:the\s+)?)?$",  # "officials from X and from UNHCR"
    taking_part=r"\b(?:attended|took\s+part|participated|(?:are|is)\s+(?:attending|taking\s+part|participating)|joined\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|conference|"
                r"session|consultation))\b",
    taking_part_process=r"^\s+(?:\w+\s+){0,2}?in\s+the\s+(?:[A-Z][\w-]*\s+)*(?:[Pp]rocess|[Dd]ialogue|[Nn]etwork)\b",
    opened_relative=r"\s*,\s*who\s+(?:opened|inaugurated)\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:meeting|conference|session|"
                    r"consultation|event)\b",
    subject_roles=(("host", r"\bhost(?:ed|s)\s+the\s+(?:[\w'’-]+\s+){0,8}?(?:meeting|conference|session|"
                            r"consultation|event)\b"),
                   # "IOM, UNHCR and UNODC supported the meeting": those who supported it, listed as the subject
                   ("supporter", r"\b(?:supported|assisted)\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:meeting|conference|"
                                 r"session|consultation|event|workshop)\b"),
                   ("organiser", r"\b(?:co-?)?organi[sz]ed\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:meeting|conference|"
                                 r"session|consultation|event)\b")),
    partners=r"\s+with\s+",
    delegation_led=r"^\s*(?:,[^,.;]{1,80},\s*)?(?:was|were)\s+(?:led|headed)\s+by\s+",
    delegation_head=r"\b(?:head|leader|chief)\s+of\s+(?:the\s+)?(?:\w+\s+)?$",
    delegation_led_before=r"\b(?:led|leads|headed|heads|leading|heading)\s+(?:the\s+|his\s+|her\s+|its\s+)?(?:[\w'’-]+\s+)?$",
    represented=r"\b(?:was|were|is|are)\s+represented\s+by\b",
    heading_words=frozenset({"press", "release", "news", "press-release"}),
)

LEXICONS = {"ru": RUSSIAN, "en": ENGLISH}


# --------------------------------------------------------------------------- the domain of issue 12
# Meetings of a process, positions, handovers, memberships, documents, purposes and collective
# speakers. Unlike the cues above, these are regular expressions over the text (case ignored),
# because they must say *where* in a phrase the words are (an ordinal before a meeting's kind,
# a holder after "by"); each is written for one language's inflections («министерск\w+» meets
# «Министерская», «министерской», «министерскую»).

@dataclass(frozen=True)
class DomainLexicon:
    event_kinds: tuple[tuple[str, str], ...]     # (event class id, pattern of its phrasings)
    event_nouns: tuple[tuple[str, str], ...]     # (event class id, a bare noun referring back to such an event)
    document_kinds: tuple[tuple[str, str], ...]  # (document class id, pattern)
    ordinals: dict[str, int]                     # ordinal word (or its stem, ru) -> number
    not_reported: str      # words near a meeting (same sentence) that make it one not reported as held
    planned_before: str    # words right before a meeting that make it one still to come ("ahead of the")
    indefinite: str        # an article before a meeting: a meeting not named ("launched at a conference")
    part_of: str           # words before a meeting that make it part of the main one
    name_tail: str         # a preposition that continues a meeting's or document's name
    name_stop: frozenset[str]  # lower-case words that end a name (en: no part-of-speech tags)
    months: dict[str, int]     # month name or stem -> number
    since: str             # timing words before a date: from
    until: str             # to
    during: str            # within ("throughout 2014", «в 2023–2024 годах»)
    as_of: str             # on
    today: str
    positions: tuple[tuple[str, str], ...]       # (position, pattern of a cue naming it)
    secretariat: str       # the noun that makes a hosting verb a secretariat-host cue
    holder_after: str      # words right after a cue whose holder follows ("co-chaired by", «стал»)
    handover_noun: str     # the position handed over
    handover_verb: str
    handover_from: str     # the preposition before the previous holder
    handover_to: str       # the preposition before the next holder
    handover_take: str     # a verb whose subject is the next holder ("took over the chairmanship from")
    to_come: str           # what before a verb makes its act one still to come ("will", "are expected to", «будет»)
    statuses: tuple[tuple[str, str], ...]        # (membership status, pattern)
    at_meeting: str        # words that place a fact at the meeting the release reports
    actions: tuple[tuple[str, str], ...]         # (document action, pattern of the verb)
    participants: str      # "the participants": a collective subject
    meeting_subject: str   # "the conference" as the subject of an agreeing verb
    agreeing: str          # verbs a meeting agrees or calls by
    agreeing_only: str     # agreeing verbs that are not the adoption of a document
    officials: str         # "officials", «представители»: unnamed officials
    purpose: str           # words introducing a meeting's purpose
    clause_break: str      # what ends a clause inside a sentence (a timing belongs to its clause)
    topic_phrasings: tuple[tuple[str, str], ...] = ()  # (topic, pattern): phrasings the vocabulary's labels miss
    part_of_after: str = ""  # words after a meeting that make it part of the main one ("held as part of the meeting")
    opened: str = ""         # a verb that makes a meeting's day its first ("opened on Tuesday")
    closed: str = ""         # a verb that makes a meeting's day its last («завершилась в четверг»)
    met: str = ""            # a verb of meeting: a sentence before the meeting's that tells when and where it met
    held: str = ""           # a verb saying a meeting was held ("took place", «прошла»): a later sentence naming it
    process_word: str = ""   # «процесса» right after a meeting's kind: the process the text is about
    process_work: str = ""   # a purpose about the process's own work (its priorities, agenda, plans)
    multi_day: str = ""      # a meeting that lasts days ("two-day", «двухдневная»)
    online: str = ""         # a meeting held online has no place («в режиме видеоконференции», "virtual")
    launching: str = ""      # a meeting that launched a process is not one of its meetings («дала старт»)
    name_subject: str = ""   # a preposition in a meeting's name before its subject ("session on ...", «встреча по …»)
    reporting_tail: str = ""  # a clause closing a sentence that says who reports it (", передает корреспондент")
    standing_body: str = ""  # a body that meets time and again: the subject after it is its remit («рабочая группа по …»)
    kind_cues: tuple[tuple[str, str], ...] = ()  # (event class, a modifier of a meeting's head noun that tells its class)
    named_kinds: tuple[tuple[str, str], ...] = ()  # (document class, its phrasing) drafted as a proper name only:
    #                                                "the Dakar Recommendations", «Ташкентские рекомендации»
    named_document_kinds: tuple[tuple[str, str], ...] = ()  # (nearest document class, a kind the ontology lacks, as
    #                                                           a proper name only: "the Jakarta Recommendations")
    meeting_heads: str = r"(?!x)x"  # any head noun of a meeting: with a kind cue among its modifiers, a meeting's phrasing
    attending: str = ""      # words before a bare meeting noun that place someone at it ("at a", «участие в»)
    held_own: str = ""       # a verb of holding one's own meeting, up to its noun ("concluded their two-day meeting")
    opening: str = ""        # a verb of opening whose object is the meeting ("Opening the meeting", «Открывая совещание»)
    cardinals: str = r"(?!x)x"  # a cardinal number: before a plural meeting, meetings counted ("five workshops")
    meeting_bodies: str = r"(?!x)x"  # a meeting named by the body that meets, matched as written (a capital names the
    #                                  body): "the spring Full Round", "the Panel", «заседание Панели», «пленарное заседание»
    body_kinds: tuple[tuple[str, str], ...] = ()  # (event class, a body whose meeting is of that class), beyond the
    #                                               kind cues: a standing panel of the process meets as a working group

    @property
    def meeting_nouns(self) -> str:
        """Any noun that names a meeting: a bare noun referring back to one, or any meeting's head noun."""
        return "|".join([pattern for _, pattern in self.event_nouns] + [self.meeting_heads])


_EN_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"), 1)}
_RU_MONTHS = {m: i for i, m in enumerate(("январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август",
                                          "сентябр", "октябр", "ноябр", "декабр"), 1)}

#: (event class, English cue, Russian cue): a modifier of a meeting's head noun that tells its class
#: (:func:`.meetings._bare_meeting`); the first that matches wins, so the most specific come first
_KIND_CUES = (
    # "Vice-Ministerial", "deputy ministers", «заместителей министров», «вице-министров»: vice- or deputy ministers
    # (plural: «заместитель министра» is a person's post, not the level of a meeting)
    ("vice-ministerial-meeting", r"\b(?:vice|deputy)[\s-]+(?:ministerial|ministers)\b",
     r"заместител(?:ей|и|ями|ях)\s+министр(?:ов)?\b|вице-министр(?:ов|ы|ами)\b"),
    ("ministerial-conference", r"\bministerial\b|\bministers\b", r"министерск\w+|министр(?:ы|ов)\b"),
    # "Heads of migration and asylum authorities", «руководители миграционных служб»: senior officials by their office
    ("senior-officials-meeting", r"\bsenior\s+officials\b|\bheads\s+of\s+(?:[\w-]+\s+){0,3}(?:authorities|agencies|"
                                 r"services|departments|administrations)\b",
     r"старш\w+\s+должностн\w+|руководител(?:и|ей|ям|ями)\s+(?:\w+\s+){0,3}(?:ведомств|служб|органов)\w*"),
    ("thematic-meeting", r"\bthematic\b", r"тематическ\w+"),
    # the body that steers a process between its larger meetings: "Steering Committee", «Руководящий комитет»
    ("steering-committee-meeting", r"\bsteering\s+(?:committee|group)\b", r"руководящ\w+\s+(?:комитет|групп)\w*"),
    ("working-group-meeting", r"\b(?:working\s+group|committee|task\s+force|board)\b",
     r"рабоч\w+\s+групп\w*|комитет\w*|целев\w+\s+групп\w*"),
    ("expert-meeting", r"\bexperts?\b|\btechnical\b", r"эксперт\w*|техническ\w+"),
)

DOMAIN_ENGLISH = DomainLexicon(
    event_kinds=(
        ("vice-ministerial-meeting", r"(?:vice|deputy)[\s-]ministerial\s+(?:conference|meeting|consultation)|"
                                     r"meeting\s+of\s+(?:the\s+)?(?:vice|deputy)[\s-]ministers"),
        ("ministerial-conference", r"ministerial\s+(?:conference|meeting|consultation)"),
        ("senior-officials-meeting", r"senior\s+officials['’]?\s+meeting|meeting\s+of\s+senior\s+officials"),
        ("thematic-meeting", r"thematic\s+(?:meeting|session|workshop)"),
        ("expert-meeting", r"expert(?:s['’]?)?\s+(?:group\s+)?meeting|meeting\s+of\s+experts"),
        ("steering-committee-meeting", r"steering\s+(?:committee|group)\s+meeting|"
                                       r"meeting\s+of\s+the\s+(?:[\w'’-]+\s+){0,6}steering\s+(?:committee|group)"),
        ("working-group-meeting", r"working\s+group\s+meeting|meeting\s+of\s+the\s+(?:[\w'’-]+\s+){0,6}working\s+group"),
    ),
    event_nouns=(("ministerial-conference", r"conference"), ("", r"meeting|session|consultation")),
    document_kinds=(
        ("declaration", r"declaration"),
        ("action-plan", r"action\s+plan|plan\s+of\s+action|work\s+plan"),
        ("communique", r"communiqu[eé]"),
        ("joint-statement", r"joint\s+statement"),
    ),
    ordinals={"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
              "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12},
    not_reported=r"\b(?:next|following|upcoming|forthcoming|future|would|will\s+be\s+held|to\s+hold|to\s+be\s+held|"
                 r"(?:planned|scheduled)\s+for)\b",
    planned_before=r"\b(?:pledged|offered|promised|undertook|volunteered|committed\s+itself|proposed)\s+to\s+\w+\s+"
                   r"(?:\S+\s+){0,4}$|"  # "pledged to host a thematic meeting later this year": still to come
                   # "Malaysia will host the 8th ADD Ministerial Consultation", "ready to host the next one"
                   r"\b(?:will|would|shall|(?:is|are)\s+(?:ready|willing|prepared)\s+to|ready\s+to)\s+(?:host|hold|convene)\s+"
                   r"(?:\S+\s+){0,4}$|"
                   r"\b(?:ahead\s+of|in\s+preparation\s+for|prepar(?:e|es|ed|ing)\s+(?:for|the\s+agenda\s+of))"
                   r"\s+(?:the\s+|its\s+)?(?:\S+\s+){0,3}$|"
                   # "proposed to discuss it at the ministerial conference": a meeting in what is proposed
                   r"\b(?:propos|suggest)(?:ed|es|ing)\s+(?:that\s+\S+\s+\S+\s+|to\s+)\w+\s+(?:\S+\s+){0,4}$|"
                   # "agreed to submit it to the Ministerial Conference", "invited Uzbekistan to host one of the
                   # thematic meetings": a meeting in what is agreed or asked to be done
                   r"\b(?:agreed|decided|invited\s+\S+(?:\s+\S+)?|asked\s+\S+(?:\s+\S+)?)\s+to\s+\w+\s+(?:\S+\s+){0,4}$|"
                   r"\bone\s+of\s+(?:the\s+|its\s+)?(?:\S+\s+){0,2}$",
    indefinite=r"\b(?:launched|established|created|founded|set\s+up)\s+(?:at|in|during)\s+(?:a|an)\s+$",
    part_of=r"\b(?:as\s+part\s+of|on\s+the\s+(?:sidelines|margins)\s+of|within\s+the\s+framework\s+of|"
            r"in\s+the\s+framework\s+of|alongside|during)\s+(?:the\s+)?[^.;]*$",
    name_tail=r"on|for|of",
    name_subject=r"\b(?:on|about|concerning|regarding)\s+",
    reporting_tail=r",\s+(?:(?:the\s+\w+\s+)?(?:said|reported|announced)|according\s+to)\b",
    standing_body=r"\b(?:working\s+group|task\s+force|(?:sub-?)?committee|commission|council|network|board)\b",
    name_stop=frozenset({"was", "were", "is", "are", "will", "would", "has", "have", "had", "that", "which", "who",
                         "in", "at", "to", "and", "with", "by", "today", "yesterday", "this", "be", "been", "as"}),
    months=_EN_MONTHS,
    since=r"\b(?:since|from)\s+(?:(?:its|the|their)\s+(?:creation|founding|foundation|establishment|inception|launch)\s+"
          r"in\s+)?$",  # "from its creation in 1991"
    until=r"\b(?:until|till|to|through)\s+$",
    during=r"\b(?:throughout|during|in|for\s+the\s+period|for)\s+$",
    as_of=r"\b(?:as\s+of|as\s+at|on)\s+$",
    today=r"\btoday\b",
    positions=(
        ("vice-chair", r"\bvice[\s-]?chair(?:man|woman|person)?s?\b|\bdeputy\s+chair\w*"),
        ("co-chair", r"\bco[\s-]?chair(?:ed|s|ing|manship)?\b"),
        # "Kuwait, which has held the chairmanship of the Dialogue since November 2014": holding the chairmanship
        ("chair", r"\bchair(?:ed|s|ing|man|woman|person)?\b(?!\s*manship)|"
                  r"\b(?:holds?|held|holding)\s+the\s+(?:rotating\s+)?(?:[A-Z]{2,8}(?:-[A-Z]{2,8})?\s+)?chair(?:manship)?\b|"
                  r"\bpresid(?:ed|es|ing)\s+over\b"),
        ("secretariat-host", r"\bhost(?:s|ed|ing)?\b|\bsecretariat\s+(?:(?:is\s+|was\s+)?(?:based|housed|located)\s+)?at\b|"
                             # "ICMPD, which has served as the Secretariat of the process since 1993": the body is it
                             r"\b(?:serv(?:es|ed|ing)|acts|acted|acting|functions|functioned)\s+as\s+(?:the\s+|its\s+)?"
                             r"(?:permanent\s+|technical\s+)?secretariat\b|"
                             # "ICMPD has provided the secretariat of …", "Its secretariat is provided by ICMPD"
                             r"\bprovid(?:es|ed|ing|e)\s+(?:the\s+|its\s+)?(?:technical\s+)?secretariat\b|"
                             r"\bsecretariat\s+(?:is|was|has\s+been|have\s+been)\s+provided\b|"
                             # "the Rabat Process Secretariat, which is run by ICMPD": its holder after "by"
                             r"(?<=secretariat,\s)which\s+is\s+(?:run|managed|operated)(?=\s+by\b)|"
                             r"\bsecretariat\s+(?:is|was)\s+(?:run|managed|operated)(?=\s+by\b)"),
    ),
    # the secretariat, or the unit that serves as one ("IOM, which hosts the technical support unit of the Process")
    secretariat=r"secretariat|technical\s+support\s+unit",
    holder_after=r"^\s*(?:(?:jointly|together)\s+)?(?:by|of)\b",
    handover_noun=r"\b(?:chairmanship|chairship|chair|presidency)\b",
    handover_verb=r"\b(?:pass(?:ed|es)?|hand(?:ed|s)?(?:\s+over)?|transferr?(?:ed|s)?|went|goes|rotat(?:ed|es))\b",
    handover_from=r"\bfrom\s+$",
    handover_to=r"\bto\s+$",
    handover_take=r"\b(?:t(?:ook|akes?|aking)\s+over|assum(?:ed|es|ing))\b",
    to_come=r"\b(?:will|shall|would|(?:is|are)\s+(?:due\s+|expected\s+|set\s+|scheduled\s+)?to|plans?\s+to|"
            r"expected\s+to)\s+(?:\w+\s+)?$",
    statuses=(
        ("invited-guest", r"\b(?:an\s+)?invited\s+guests?\b|\bas\s+(?:a\s+)?guests?\b"),
        ("observer", r"\b(?:an\s+)?observers?\b"),
        ("partner", r"\b(?:a\s+)?partners?\b"),
        ("member", r"\b(?:a\s+)?(?:full\s+)?members?(?:\s+states?)?\b(?!\s+of\s+(?:the\s+)?(?:delegation|staff))"),
    ),
    at_meeting=r"\b(?:at|during|in)\s+the\s+(?:opening\s+session|conference|meeting|session)\b|\battend\w*|"
               r"\btook\s+part\b|\btakes?\s+part\s+in\b|\bparticipat\w+",
    actions=(("adopted", r"\badopt(?:ed|s)?\b"), ("endorsed", r"\bendors(?:ed|es)?\b|\bapproved?\b"),
             ("signed", r"\bsign(?:ed|s)?\b")),
    participants=r"\b(?:the\s+)?(?:participants|participating\s+(?:states|countries|governments)|ministers|delegates|"
                 r"(?:senior\s+)?officials|parties|experts)\b",
    meeting_subject=r"^\s*(?:the\s+)?(?:conference|meeting|ministerial\s+conference|senior\s+officials['’]?\s+meeting|"
                    r"working\s+group|consultation)\b",
    agreeing=r"\b(?:agreed|decided|resolved|called|urged|recommended|adopted|endorsed|welcomed|noted)\b",
    agreeing_only=r"\b(?:agreed|decided|resolved|called|urged|recommended)\b",
    officials=r"\bofficials?\b",
    purpose=r"\b(?:convened|held|organi[sz]ed|called|met|gathered)\s+(?:in\s+order\s+)?to\s+(?=[a-z]+\b)(?!be\b)|"
            r"\b(?:aimed|designed|meant)?\s*(?:in\s+order\s+)?to\s+"
            r"(?:discuss|review|agree|consider|examine|assess|exchange|share|compare|prepare|address|"
            r"strengthen|explore|take\s+stock|identify|develop|promote|evaluate)\b|\bwith\s+the\s+aim\s+of\b|"
            r"\baimed\s+at\b|\bdevoted\s+to\b|\bdedicated\s+to\b|"
            # "the talks would focus on fair recruitment": what a meeting's talks centre on
            r"\b(?:talks|discussions|meeting|conference|session|workshop|consultations?)\s+(?:would\s+|will\s+|(?:is|are|"
            r"was|were)\s+to\s+)?(?:focus(?:ed|es)?|cent(?:re|er)(?:d|ed|s)?)\s+on\s+|"
            # "Its aim: to …", "Its purpose was to …" with a possessive for the meeting
            r"\b(?:its|their)\s+(?:main\s+)?(?:aim|purpose|objective|goal)\s*(?:[:–—-]|was|is)\s*(?:to\s+)?|"
            # "The aim of the meeting was to …", "Its main theme was …": a noun of purpose or theme as the subject
            r"\b(?:aim|purpose|objective|goal|(?:main\s+)?(?:theme|topic|focus))\s+(?:of\s+(?:the|this)\s+(?:\w+\s+){0,3}?"
            r"(?:meeting|conference|session|consultation)\s+)?(?:was|is)\s+(?:to\s+)?",
    clause_break=r",\s*(?:while|whereas|but)\b|;",
    topic_phrasings=(("human-trafficking", r"\btraffick\w*\s+in\s+(?:persons|human\s+beings)|\bhuman\s+trafficking|"
                                           r"\bvictims\s+of\s+trafficking\b|\btrafficking\s+victims\b"),
                     ("labour-migration", r"\b(?:labou?r)\s+(?:migration|migrants?|mobility)\b|\bmigrant\s+workers?\b|"
                                          r"\bskills\s+of\s+(?:their\s+|the\s+)?workers\b|\bdomestic\s+workers\b"),
                     ("statelessness", r"\bstateless\w*"),
                     ("return-and-reintegration", r"\breturn\b[^.;]{0,60}\breintegration\b|\breadmission\b|"
                                                  r"\breintegration\s+of\s+(?:the\s+)?(?:returnees|returning|returned)\b"),
                     ("mixed-migration", r"\bmixed\s+(?:migration|movements?|flows?)\b"),
                     ("rights-of-migrants", r"\bprotection\s+of\s+(?:the\s+rights\s+of\s+)?(?:migrants?|(?:migrant|"
                                            r"domestic)\s+workers)\b"),
                     ("rights-of-migrants", r"\bprotect(?:ing|ion\s+of)\s+(?:the\s+rights\s+of\s+)?migrants?\b|"
                                            r"\b(?:fair|ethical)\s+recruitment\b"),
                     ("border-management", r"\bborder\s+(?:agencies|authorities|guards?|services|control|management)\b"),
                     ("access-to-asylum", r"\baccess\s+to\s+asylum\b|\basylum\s+(?:procedures?|systems?)\b"),
                     ("regional-cooperation", r"\bregional\s+(?:action|cooperation)\b"),
                     ("regular-migration", r"\borgani[sz]ed\s+recruitment\b|\b(?:regular|legal)\s+(?:migration\s+)?"
                                           r"(?:pathways|channels)\b")),
    part_of_after=r"^[^.;]*?\b(?:as\s+part\s+of|on\s+the\s+(?:sidelines|margins)\s+of|within\s+the\s+framework\s+of|"
                  r"in\s+the\s+framework\s+of)\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|conference|session|consultation)\b",
    opened=r"\b(?:opened|opens|began|begins|started|starts|kicked\s+off)\b",
    closed=r"\b(?:closed|closes|ended|ends|concluded|concludes|wrapped\s+up)\b",
    met=r"\b(?:met|meet|gathered|convened|came\s+together)\b",
    held=r"\b(?:took\s+place|was\s+held|were\s+held)\b",
    process_word=r"\s+of\s+the\s+(?:process|dialogue)\b",
    process_work=r"\b(?:priorities|agenda|action\s+plan|work\s*plan|take\s+stock|recommendations\s+for)\b",
    multi_day=r"\b(?:two|three|four|five|2|3|4|5)[-\s]days?\b|\bdays?-long\b",
    online=r"\b(?:online|virtual(?:ly)?|by\s+video\s*(?:link|conference)|videoconference)\b",
    launching=r"\b(?:launch\w*|establish\w*|found(?:ed|ing)|set\s+up|gave\s+birth)\b",
    kind_cues=tuple((kind, en) for kind, en, _ in _KIND_CUES),
    named_kinds=(("recommendations", r"recommendations|conclusions"),),
    named_document_kinds=(("action-plan", r"guidelines|road\s*map|plan\s+of\s+work"),),
    meeting_heads=r"meetings?|conferences?|consultations?|workshops?|forums?|seminars?|sessions?|round[\s-]?tables?",
    attending=r"\b(?:at|to|in|during|attended|joined|hosted|organi[sz]ed|convened)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}$",
    held_own=r"\b(?:held|concluded|opened|closed|wrapped\s+up)\s+(?:its|their|an?)\s+(?:[\w-]+\s+){0,3}?"
             r"(?:meeting|session|consultation)s?\b",
    cardinals=r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|numerous",
    opening=r"\b(?:opening|opened|opens)\s+(?:the|its|this)",
    # a session of the whole body ("Full Round", "Plenary") or a named body that meets ("the Panel", "the Steering
    # Group"), after "the" and at most one small modifier ("the spring Full Round"), capitalised as a name
    meeting_bodies=r"\b[Tt]he\s+(?P<body>(?:[a-z]+\s+)?(?:Full\s+Round|Plenary(?:\s+(?:Session|Meeting))?|"
                   r"Steering\s+(?:Committee|Group)|Panel))\b",
    body_kinds=(("working-group-meeting", r"\bPanel\b"),),
)

DOMAIN_RUSSIAN = DomainLexicon(
    event_kinds=(
        ("vice-ministerial-meeting", r"(?:совещани|встреч|заседани|конференци)\w*\s+(?:на\s+уровне\s+)?"
                                     r"(?:заместителей\s+министров|вице-министров)"),
        ("ministerial-conference", r"министерск\w+\s+(?:конференци|совещани|встреч|консультаци)\w*|"
                                   r"(?:конференци|совещани|встреч)\w*\s+министров"),
        ("senior-officials-meeting", r"(?:совещани|встреч|заседани)\w*\s+(?:на\s+уровне\s+)?старших\s+должностных\s+лиц"),
        ("thematic-meeting", r"тематическ\w+\s+(?:встреч|совещани|заседани|сесси|семинар)\w*"),
        ("expert-meeting", r"(?:совещани|встреч|заседани)\w*\s+экспертов|экспертн\w+\s+(?:совещани|встреч|заседани)\w*"),
        ("steering-committee-meeting", r"(?:заседани|совещани|встреч)\w*\s+руководящ\w+\s+(?:комитет|групп)\w*"),
        ("working-group-meeting", r"(?:заседани|совещани|встреч)\w*\s+рабоч\w+\s+групп\w*"),
    ),
    event_nouns=(("ministerial-conference", r"конференци\w*"), ("", r"совещани\w*|встреч\w*|заседани\w*|консультаци\w*")),
    document_kinds=(
        ("declaration", r"деклараци\w*"),
        ("action-plan", r"план\w*\s+действий|план\w*\s+работы"),
        ("communique", r"коммюнике"),
        ("joint-statement", r"совместн\w+\s+заявлени\w*"),
    ),
    ordinals={"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4, "пят": 5, "шест": 6, "седьм": 7,
              "восьм": 8, "девят": 9, "десят": 10, "одиннадцат": 11, "двенадцат": 12},
    not_reported=r"следующ\w*|очередн\w+\s+(?=\S+\s+\S+\s+(?:пройд|состоится))|пройд[её]т|состоится|"
                 r"будет\s+проведен\w*|провести|проведени\w+|предстоящ\w*",
    planned_before=r"(?:в\s+преддверии|подготовк\w+\s+к)\s+(?:\S+\s+){0,3}$|"
                   # «Ашхабад готов принять очередную министерскую конференцию», «примет у себя»: one to come
                   r"(?<!\w)готов\w*\s+(?:\w+\s+)?(?:принять|провести)\s+(?:у\s+себя\s+)?(?:\S+\s+){0,3}$|"
                   r"(?<!\w)(?:примет|проведет|проведёт)\s+(?:у\s+себя\s+)?(?:\S+\s+){0,3}$|"
                   # «подготовить повестку министерской конференции»: the agenda of one to come
                   r"подгот\w+\s+(?:\w+\s+)?повестк\w+\s+(?:дня\s+)?(?:\S+\s+){0,2}$|"
                   r"предлож\w+\s+(?:[^\s,.]+\s+){0,2}?\w+(?:ть|ти)(?:ся)?\s+(?:\S+\s+){0,4}$|"  # «предложила обсудить ее на
                   # конференции», «предложил узбекской стороне принять у себя одно из совещаний»
                   r"(?:договорил\w+|решил\w+|согласил\w+)\s+\w+(?:ть|ти)(?:ся)?\s+(?:\S+\s+){0,4}$|"
                   r"(?<!\w)(?:одн\w+|один)\s+из\s+(?:\S+\s+){0,2}$",
    indefinite=r"(?!x)x",
    part_of=r"(?:в\s+рамках|на\s+полях|в\s+ходе|накануне)\s+[^.;]*$",
    name_tail=r"по|о|об|на|в\s+области",
    name_subject=r"(?<![\w-])(?:по|о|об|в\s+области)\s+",
    reporting_tail=r",\s+(?:как\s+)?(?:переда[её]т|сообщ\w+|пишет|отмечается|говорится)\b",
    standing_body=r"рабоч\w+\s+групп\w*|(?:под)?комитет\w*|комисси\w+|совет\w*|сет\w+|целев\w+\s+групп\w*",
    name_stop=frozenset(),
    months=_RU_MONTHS,
    since=r"(?:\bс|\bсо|\bначиная\s+с|\bс\s+момента\s+(?:\w+\s+)?(?:создани|основани|учреждени|запуск)\w*\s+в)\s+$",
    until=r"(?:\bдо|\bпо)\s+$",
    during=r"(?:\bв|\bв\s+течение|\bна\s+протяжении|\bна\s+период)\s+$",
    as_of=r"(?:по\s+состоянию\s+на|\bна)\s+$",
    today=r"\bсегодня\b",
    positions=(
        ("vice-chair", r"заместител\w+\s+председател\w*|вице-председател\w*|сопредседател\w*(?=$)"),
        ("co-chair", r"сопредседател\w*"),
        ("chair", r"председател\w*|председательств\w+|(?<!\w)(?:заседани[ея]|встреч[уа]|совещани[ея]|семинар)\s+"
                  r"вел[аи]?(?!\w)|(?<!\w)вел[аи]?\s+(?:заседание|встречу|совещание|семинар)(?!\w)"),
        ("secretariat-host", r"принима\w+\s+у\s+себя|размеща\w+\s+у\s+себя|размеща\w+\s+в\b|размещен\w*\s+в\b|"
                             # «МЦРМП обеспечивает работу секретариата процесса», «выполняет функции секретариата»
                             r"обеспечива\w+\s+работу\s+секретариат\w*|выполня\w+\s+функци\w+\s+секретариат\w*|"
                             # «Секретариат …, функции которого выполняет МЦРМП»: its holder after the verb
                             r"(?<=,\s)функции\s+которого\s+выполня(?:ет|л)"),
    ),
    secretariat=r"секретариат\w*",
    holder_after=r"^\s*(?:стал[аио]?|станет|будет|выступил[аио]?)\b",
    handover_noun=r"председательств\w+",
    handover_verb=r"перешл\w+|перейд\w+|переда\w+|перешел|перешёл|переходит",
    handover_from=r"\bот\s+$",
    handover_to=r"(?:\bк|\bко)\s+$",
    handover_take=r"\b(?:принял[аио]?|принима\w+|перенял[аио]?)\b",
    to_come=r"\b(?:будет|будут|должн\w+|намерен\w*|планиру\w+|предполага\w+)\s+(?:\w+\s+)?$",
    statuses=(
        ("invited-guest", r"приглаш[её]нн\w+\s+гост\w*|гост\w+"),
        ("observer", r"наблюдател\w*"),
        ("partner", r"партн[её]р\w*"),
        ("member", r"член\w*|государств\w*-член\w*|полноправн\w+\s+член\w*"),
    ),
    at_meeting=r"\bна\s+(?:конференци[июя]|совещани[ие]|встреч[еу]|заседани[ие]|открытии|консультаци[июя])|\bв\s+(?:конференции|совещании|встрече)\b|"
               r"участи\w+|участвова\w+|присутствова\w+|по\s+итогам",
    actions=(("adopted", r"принял\w*|принят\w*|утвердил\w*"), ("endorsed", r"одобрил\w*|одобрен\w*|поддержал\w*"),
             ("signed", r"подписал\w*|подписан\w*")),
    participants=r"участник\w*|страны[\s-]участниц\w*|государства[\s-]участник\w*|министры|делегаты|"
                 r"старшие\s+должностные\s+лица|стороны|эксперты",
    meeting_subject=r"^\s*(?:конференция|совещание|встреча|заседание|рабочая\s+группа|консультация)\b",
    agreeing=r"постановил\w*|решил\w*|договорил\w*|согласил\w*|призвал\w*|рекомендовал\w*|принял\w*|одобрил\w*",
    agreeing_only=r"постановил\w*|решил\w*|договорил\w*|согласил\w*|призвал\w*|рекомендовал\w*",
    officials=r"представител\w+|официальн\w+\s+лиц\w*|чиновник\w*",
    purpose=r"с\s+целью|в\s+целях|для\s+того,?\s+чтобы|чтобы|для\s+обсуждения|для\s+рассмотрения|"
            r"(?:созван|проведен|организован|собран)\w*\s+для\s+(?=\w+(?:ки|ния|ния|тия|ции|ена|мена)\b)|"
            r"\bцел[ьи]\s+(?:встречи|совещания|конференции|заседания|консультаций)\s*(?:[–—:-]|является|состоит\s+в)\s*|"
            r"посвящ[её]н\w*|направлен\w*\s+на|"
            # «обсуждения будут сосредоточены на …»: what a meeting's talks centre on
            r"(?:встреч\w*|совещани\w*|семинар\w*|конференци\w*|обсуждени\w*|переговор\w*)\s+(?:будут?\s+)?"
            r"(?:сосредоточ\w+|сфокусирован\w*)\s+на\s+|"
            # «Ее целью было согласовать …», «Основная тема нынешней встречи - …»: a noun of purpose or theme as the
            # subject, the purpose after the link verb or the dash
            r"(?<!\w)целью\s+(?:\w+\s+){0,2}?(?:было|являлось|является|стало|была)\s+|"
            # «Его цель – подготовить …» (a possessive for the meeting), «встреча призвана содействовать …»
            r"(?<!\w)(?:ее|её|его|их)\s+(?:основн\w+\s+|главн\w+\s+)?цел[ьи]\s*[–—:-]\s*|"
            r"(?<!\w)призван[аыо]?\s+(?=\w+(?:ть|ти)\b)|"
            r"(?<!\w)(?:основн\w+\s+|главн\w+\s+)?(?:тем[аы]|цель)\s+(?:\w+\s+)?(?:встречи|совещания|конференции|"
            r"заседания|консультаций)\s*(?:[–—:-]|стал[аио]?|был[аио]?|является)\s*",
    clause_break=r";",
    topic_phrasings=(("human-trafficking", r"торговл\w+\s+людьми"),
                     ("labour-migration", r"трудов\w+\s+мигра\w+|трудящи\w+\s*(?:-\s*)?мигрант\w*|"
                                          r"домашн\w+\s+(?:прислуг|работник)\w*"),
                     ("statelessness", r"без\s+гражданства|безгражданств\w*"),
                     ("return-and-reintegration", r"возвращени\w+[^.;]{0,60}реинтеграци\w*|реадмисси\w*|"
                                                  r"реинтеграци\w*\s+(?:возвраща\w+|вернувш\w+)"),
                     ("mixed-migration", r"смешанн\w+\s+миграци\w*"),
                     ("rights-of-migrants", r"защит\w*\s+(?:прав\s+)?(?:мигрант\w*|трудящихся-мигрантов|трудовых\s+"
                                            r"мигрантов|домашн\w+\s+работник\w*)"),
                     ("border-management", r"управлени\w+\s+границ\w*|пограничн\w+\s+(?:служб|ведомств|контрол)\w*"),
                     ("access-to-asylum", r"предоставлени\w+\s+убежищ\w*|доступ\w*\s+к\s+убежищ\w*"),
                     ("rights-of-migrants", r"добросовестн\w+\s+(?:найм|набор)\w*|этичн\w+\s+(?:найм|набор)\w*"),
                     ("regular-migration", r"организованн\w+\s+набор\w*|(?:регулярн|легальн|законн)\w+\s+"
                                           r"(?:миграци\w*|(?:миграционн\w+\s+)?(?:канал|пут)\w*)")),
    part_of_after=r"^[^.;]*?(?:в\s+рамках|на\s+полях|в\s+ходе)\s+(?:\w+\s+){0,3}?"
                  r"(?:совещани|встреч|конференци|заседани|консультаци)\w*",
    opened=r"открыл\w*|открыва\w*|открывш\w*|начал\w*\s+работу|стартовал\w*",
    closed=r"завершил\w*|закрыл\w*|заверша\w*",
    met=r"собрал\w*|собира\w*|встретил\w*|съехал\w*",
    held=r"\b(?:прош(?:[её]л|л[аои])|состоял(?:ся|ась|ось|ись)|проходил\w*)\b",
    process_word=r"\s+(?:процесса|диалога)\b",
    process_work=r"приоритет\w*|повестк\w+|план\w*\s+(?:действий|работы)|подвести\s+итог\w*|рекомендаци\w+\s+(?:для|к)",
    multi_day=r"(?:двух|трех|трёх|четырех|четырёх|пяти|2-х|3-х)\s*-?\s*дневн\w+",
    online=r"онлайн\w*|в\s+режиме\s+видео\w*|в\s+формате\s+видео\w*|дистанционн\w+|виртуальн\w+",
    launching=r"\bстарт\w*|запуск\w*|запусти\w*|учрежд\w*|учреди\w*|создани\w*|основа\w*",
    kind_cues=tuple((kind, ru) for kind, _, ru in _KIND_CUES),
    named_kinds=(("recommendations", r"рекомендаци\w*|вывод\w*"),),
    named_document_kinds=(("action-plan", r"руководящ\w+\s+принцип\w*|дорожн\w+\s+карт\w*"),),
    meeting_heads=r"совещани\w*|встреч\w*|конференци\w*|семинар\w*|форум\w*|заседани\w*|консультаци\w*|сесси\w*",
    attending=r"(?:участи\w+|участвова\w+|присутствова\w+|\bна|\bв|\bво)\s+(?:[\w-]+\s+){0,2}$",
    held_own=r"(?<!\w)(?:провел[аио]?|провёл|завершил[аио]?|открыл[аио]?)(?!\w)[^.;,]{0,50}?"
             r"(?<!\w)(?:заседани|встреч|совещани|сесси)\w*",
    cardinals=r"\d+|дв[ае]|тр[её]х|три|четыре|пять|шесть|семь|восемь|девять|десять|несколько|многочисленн\w+|ряд",
    opening=r"(?<!\w)(?:открывая|открыл[аио]?|открывший|открывшая|открывшие)(?!\w)",
    # «заседание Панели …», «сессия Совета …» (a meeting noun before a body named with a capital), «пленарное заседание»
    meeting_bodies=r"(?P<body>(?<!\w)(?:заседани|сесси)\w*\s+(?=[А-ЯЁ])(?:\w+\s+){0,2}?(?:[Пп]анел(?:ь|и|ью)|"
                   r"[Кк]омитет(?:а|у)?|[Сс]овет(?:а|у)?|[Гг]рупп[ыу]|[Пп]равлени[яю]|[Бб]юро)(?!\w)|"
                   r"(?<!\w)[Пп]ленарн\w+\s+(?:заседани|сесси)\w*)",
    body_kinds=(("working-group-meeting", r"(?<!\w)[Пп]анел(?:ь|и|ью)(?!\w)"),),
)

DOMAIN_LEXICONS = {"ru": DOMAIN_RUSSIAN, "en": DOMAIN_ENGLISH}


# --------------------------------------------------------------------------- governance (draft.governance)

@dataclass(frozen=True)
class GovernanceCues:
    """Cue words of :mod:`.governance` beyond :class:`DomainLexicon`, as data (one instance per language)."""

    currently: str      # present-tense timing words: the fact holds on the date of issue ("currently chairs")
    asking: str         # words between a holder and a status that make it a request, not a status
    qualified_partner: str  # a word before "partner" that makes it a role in a meeting, not a status in the process
    joining: str        # "joined as an observer", "became a member": a status taken (at the meeting reported,
    #                     or when the clause's date says: "joined the process as a full member in 2020")
    jointly: str        # "jointly chaired": a chair cue that names co-chairs
    relative: str       # the start of a relative clause about the word before it ("which", «которая»)
    holding_verb: str   # a verb of holding a position in a relative clause ("will chair it", «будет возглавлять»)
    support: str        # "provides support to <process>": a partner of the process (an organisation)
    person_relative: str  # "who chaired": the holder is a person, not a state or organisation
    holding_now: str    # "The Process is chaired by X", "X chairs the Process": held now, not at the meeting
    counted_members: str  # "seven <process> Member States": members counted, listed in the next sentence
    grouping: str       # "states of <region> and neighbouring countries": a grouping of those taking part
    member_word: str    # "member states": a grouping by membership of another body
    taking_part: str    # words of a sentence about those taking part, beyond the lexicon's at_meeting
    listed_after: str   # words after a status that list its holders ("member states, among them A, B and C")
    status_of_others: str  # a preposition right before a status: it describes others ("officials from member states")
    counted_list: str = r"(?!x)x"  # a count of members and a dash or colon after which they are listed
    attending_as: str = r"(?!x)x"  # a verb of attending a meeting before an observer's status ("attended as")
    chaired_meeting: str = r"(?!x)x"  # a chair cue that is a verb of chairing one meeting ("chaired", «председательствовал»)
    chaired_meeting_before: str = r"(?!x)x"  # words right before a chair cue that make it so («под», "presided over")
    membership_words: str = r"(?!x)x"  # words of a sentence that make the states it counts and lists members
    all_of_them: str = r"(?!x)x"  # a next sentence's subject that takes up a whole list ("All of them", «Все они»)


#: capitalised names, a few words long ("the Western Balkans", "the Silk Routes region", "the EU Member States")
_NAMES = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|region|states|countries))*"

GOVERNANCE_CUES = {
    "en": GovernanceCues(
        currently=r"\b(?:currently|presently|at\s+present|now)\b",
        asking=r"\b(?:request|application|bid|wish|intention|candidacy|applied|applies|seeks?|sought|asked)\b",
        qualified_partner=r"\b(?:resource|technical|knowledge|implementing|funding|media|logistics?)\s+$",
        joining=r"\bjoin(?:ed|s)?\b|\bbec(?:ame|omes?)\b",
        jointly=r"\bjointly\s+$",
        relative=r"^\s*,?\s*(?:which|who|that)\b",
        holding_verb=r"\b(?:chair|lead|hold|head|preside)\w*",
        support=r"\b(?:provides?|providing|offers?|gives?)\b[^.;]{0,60}?\bsupport\s+(?:to|for)\s+(?:the\s+)?$",
        person_relative=r"\bwho\s+(?:\w+\s+){0,2}$",
        holding_now=r"\b(?:is|are)\s+(?:currently\s+|now\s+|jointly\s+)?(?:co-?)?(?:chaired|led|headed)\b|"
                    r"\b(?:co-?)?chairs\s+the\b",
        counted_members=r"\b(?P<number>\w+)\s+(?:[A-Z][\w'’-]*\s+){0,4}[Mm]ember\s+[Ss]tates\b",
        grouping=r"\b(?:states|countries|governments)\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*)+"
                 r"(?:\s*(?:and|,)\s+(?:the\s+)?(?:neighbouring|neighboring|other|[A-Z][\w'’-]*)\s+(?:[A-Z]\w*\s+)?"
                 r"(?:states|countries|[A-Z][\w'’-]*))?"
                 # "countries from West Africa, North Africa and Europe": a list of regions goes on
                 r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*"
                 r"|\b[A-Z]\w+\s+member\s+states|\bmember\s+states\s+of\s+"
                 r"the\s+[A-Z]\w+|"
                 # "Delegations from the EU Member States, the Eastern Partnership, Central Asia and Türkiye", "Experts
                 # from across the Silk Routes region and Europe": those taking part by where they come from
                 r"\b(?:[Dd]elegations|[Dd]elegates|[Ee]xperts|[Oo]fficials|[Rr]epresentatives)\s+from\s+"
                 r"(?:across\s+)?(?:the\s+)?" + _NAMES + r"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?" + _NAMES + ")*",
        member_word=r"\bmember",
        taking_part=r"\b(?:met|gathered|attended|took\s+part|brought\s+together|participants?|delegations?)\b",
        listed_after=r"^\s*(?P<standing>(?:attended|took\s+part|participated)\s*)?,?\s*(?:among\s+(?:them|whom|which)|"
                     r"including|namely|such\s+as)\s+(?:the\s+)?$",
        # "officials from member states", "as well as from several EU Member States": others, unnamed
        status_of_others=r"\b(?:from|among|for|with|by|to)\s+(?:(?:the|its|all|other|several|some)\s+)?"
                         r"(?:[A-Z]{2,8}\s+)?$",
        # "11 member states - A, B …", "the Conference's eleven member countries - A, B …", "its 12 members: A, B …"
        counted_list=r"\b(?P<number>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                     r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+(?:[\w'’-]+\s+){0,3}?(?:states|countries|governments|members)"
                     r"(?:\s+of\s+the\s+(?:[A-Z][\w'’-]*\s+){0,6}?(?:[A-Z][\w'’-]*))?"
                     # "… member countries took part: A, B …": the verb before the list (its states' standing status)
                     r"(?:\s*\([A-Z]{2,8}\))?(?P<standing>\s+(?:took\s+part|attended|participated))?\s*(?::|\s[–—-])\s*$",
        membership_words=r"\bmembers?\b|\bmembership\b",
        all_of_them=r"^\s*(?:all|each)\s+of\s+them\b|^\s*they\s+all\b|^\s*all\s+(?:these|those|the|of\s+the)\s+(?:\w+\s+)?"
                    r"(?:states|countries|members)\b",
        chaired_meeting=r"(?:co[\s-]?)?chaired|presid(?:ed|es|ing)\s+over",
        attending_as=r"\b(?:attend(?:ed|s|ing)?|took\s+part|participat(?:ed|es|ing)|present|were\s+there|"
                     r"(?:was|were)\s+represented|followed\s+the\s+(?:proceedings|meeting|discussions))\b",
        chaired_meeting_before=r"\bunder\s+the\s+$",
    ),
    "ru": GovernanceCues(
        currently=r"в\s+настоящее\s+время|\bсейчас\b|\bныне\b",
        asking=r"заявк\w*|просьб\w*|намерени\w*|желани\w*|стремлени\w*|хода[тй]\w*|попрос\w*",
        qualified_partner=r"(?!x)x",
        joining=r"присоедин\w+|\bстал[аио]?\b",
        jointly=r"совместно\s+$",
        relative=r"^\s*,?\s*(?:котор\w+)\b",
        holding_verb=r"возглав\w+|председательств\w+|руковод\w+",
        support=r"поддержк\w*\s+$",
        person_relative=r"(?!x)x",
        holding_now=r"председательству(?:ет|ют)|возглавля(?:ет|ют)|руковод(?:ит|ят)",
        counted_members=r"(?P<number>\w+)\s+(?:государств\w*|стран\w*)[\s–—-]+член\w*",
        grouping=r"(?:государств\w*|стран\w*)\s+(?:[–—-]\s+член\w+\s+[А-ЯЁ]\w*|(?:[А-ЯЁ]\w+\s*)+"
                 r"(?:\s*и\s+[А-ЯЁ]\w+(?:\s+[А-ЯЁ]\w+)*|\s*и\s+(?:сопредельн|соседн|друг)\w+\s+(?:стран|государств)\w*)?)",
        member_word=r"член",
        taking_part=r"участ\w+|представител\w+|делегаци\w+|эксперт\w+|собрал\w*",
        listed_after=r"^\s*,?\s*(?:в\s+том\s+числе|среди\s+(?:них|которых)|а\s+именно|включая)\s+$",
        status_of_others=r"(?:\bиз|\bот|\bдля|\bсреди|\bс)\s+(?:(?:всех|других|ряда|некоторых)\s+)?$",
        # «в состав процесса входят 12 государств: А, Б …», «11 государств-членов – А, Б …»
        counted_list=r"(?<!\w)(?P<number>\d+|(?:дв|тр|четыр|пят|шест|сем|восем|девят|десят|одиннадцат|двенадцат|"
                     r"тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат)\w*)\s+(?:[\w-]+\s+){0,2}?(?:государств|стран|член)\w*"
                     r"(?:[\s–—-]+член\w*|(?P<standing>[\s–—-]+участник\w*(?=\s+(?:процесса|диалога|[А-ЯЁ]\w+\s+(?:процесса|диалога)))))?"
                     r"(?:\s+(?:процесса|диалога|[А-ЯЁ]\w+\s+(?:процесса|диалога)))?\s*(?::|\s[–—-])\s*$",
        membership_words=r"член\w*|в\s+(?:его\s+|ее\s+|её\s+)?состав\w*|входят|входит|объединя\w+|"
                         r"участник\w*\s+(?:[А-ЯЁ]\w+\s+)?(?:процесса|диалога)",
        all_of_them=r"^\s*(?:все|каждое|каждая|каждый)\s+(?:из\s+)?(?:они|них|эти|эти\s+\w+)(?!\w)",
        # «председательствовавшего на заседании»; «Заседание вел X», «вела встречу»: conducted it
        chaired_meeting=r"(?:со)?председательствовал\w*|(?:со)?председательствовавш\w*|(?:со)?председательством|"
                        r"(?:заседани[ея]|встреч[уа]|совещани[ея]|семинар)\s+вел[аи]?|вел[аи]?\s+(?:заседание|"
                        r"встречу|совещание|семинар)",
        attending_as=r"участвова\w*|участи\w+|присутствова\w*|представлен\w*",
        chaired_meeting_before=r"\bпод\s+(?:\w+\s+)?$",
    ),
}
