"""The words of the synthetic corpus: cities, processes, organisations, ministries, names, topics,
sentence frames and quotes, in Russian and English (ids first)."""
from __future__ import annotations

STRESS = "\u0301"  # the combining acute accent that marks stress in some Russian names

CITIES = [  # id, ru, en
    ("almaty", "Алматы", "Almaty"), ("astana", "Астана", "Astana"), ("bishkek", "Бишкек", "Bishkek"),
    ("dushanbe", "Душанбе", "Dushanbe"), ("tashkent", "Ташкент", "Tashkent"), ("ashgabat", "Ашхабад", "Ashgabat"),
    ("kabul", "Кабул", "Kabul"), ("baku", "Баку", "Baku"), ("tehran", "Тегеран", "Tehran"),
    ("islamabad", "Исламабад", "Islamabad"), ("ankara", "Анкара", "Ankara"), ("beijing", "Пекин", "Beijing"),
    ("moscow", "Москва", "Moscow"), ("geneva", "Женева", "Geneva"), ("vienna", "Вена", "Vienna"),
    ("budapest", "Будапешт", "Budapest"), ("prague", "Прага", "Prague"), ("colombo", "Коломбо", "Colombo"),
    ("bangkok", "Бангкок", "Bangkok"), ("abu-dhabi", "Абу-Даби", "Abu Dhabi"), ("rabat", "Рабат", "Rabat"),
    ("cairo", "Каир", "Cairo"), ("amman", "Амман", "Amman"), ("tbilisi", "Тбилиси", "Tbilisi"),
    ("yerevan", "Ереван", "Yerevan"), ("chisinau", "Кишинёв", "Chisinau"), ("minsk", "Минск", "Minsk"),
    ("warsaw", "Варшава", "Warsaw"), ("brussels", "Брюссель", "Brussels"), ("nairobi", "Найроби", "Nairobi"),
    ("addis-ababa", "Аддис-Абеба", "Addis Ababa"), ("dakar", "Дакар", "Dakar"), ("rome", "Рим", "Rome"),
    ("new-york", "Нью-Йорк", "New York"), ("jakarta", "Джакарта", "Jakarta"), ("manila", "Манила", "Manila"),
]

PROCESSES = [  # id, ru, en
    ("almaty-process", "Алматинский процесс", "Almaty Process"),
    ("budapest-process", "Будапештский процесс", "Budapest Process"),
    ("prague-process", "Пражский процесс", "Prague Process"),
    ("colombo-process", "Коломбо процесс", "Colombo Process"),
    ("bali-process", "Балийский процесс", "Bali Process"),
    ("abu-dhabi-dialogue", "Абу-Дабийский диалог", "Abu Dhabi Dialogue"),
    ("rabat-process", "Рабатский процесс", "Rabat Process"),
    ("khartoum-process", "Хартумский процесс", "Khartoum Process"),
]

ORGANISATIONS = [  # id, ru, en, ru short, en short, part_of
    ("un", "Организация Объединённых Наций", "United Nations", "ООН", "UN", None),
    ("unhcr", "Управление Верховного комиссара ООН по делам беженцев",
     "Office of the United Nations High Commissioner for Refugees", "УВКБ ООН", "UNHCR", "un"),
    ("iom", "Международная организация по миграции", "International Organization for Migration", "МОМ", "IOM", "un"),
    ("ilo", "Международная организация труда", "International Labour Organization", "МОТ", "ILO", "un"),
    ("unodc", "Управление ООН по наркотикам и преступности", "United Nations Office on Drugs and Crime",
     "УНП ООН", "UNODC", "un"),
    ("osce", "Организация по безопасности и сотрудничеству в Европе",
     "Organization for Security and Co-operation in Europe", "ОБСЕ", "OSCE", None),
    ("icmpd", "Международный центр по развитию миграционной политики",
     "International Centre for Migration Policy Development", "МЦРМП", "ICMPD", None),
    ("cis", "Содружество Независимых Государств", "Commonwealth of Independent States", "СНГ", "CIS", None),
]
ORGANISATION_POSTS = [  # suffix, ru, en
    ("director-general", "Генеральный директор", "Director General"),
    ("deputy-director-general", "Заместитель Генерального директора", "Deputy Director General"),
    ("regional-director", "Региональный директор", "Regional Director"),
    ("spokesperson", "Официальный представитель", "Spokesperson"),
]
MINISTRIES = [  # suffix, ru, en, minister ru, minister en
    ("mfa", "Министерство иностранных дел", "Ministry of Foreign Affairs",
     "Министр иностранных дел", "Minister of Foreign Affairs"),
    ("mia", "Министерство внутренних дел", "Ministry of Internal Affairs",
     "Министр внутренних дел", "Minister of Internal Affairs"),
]

FIRST_NAMES = [  # ru, en, female
    ("Ерлан", "Erlan", False), ("Айгуль", "Aigul", True), ("Нурлан", "Nurlan", False), ("Динара", "Dinara", True),
    ("Бахтияр", "Bakhtiyar", False), ("Гульнара", "Gulnara", True), ("Тимур", "Timur", False),
    ("Лаура", "Laura", True), ("Антон", "Anton", False), ("Мария", "Maria", True), ("Рустам", "Rustam", False),
    ("Жанна", "Zhanna", True), ("Фарход", "Farkhod", False), ("Зарина", "Zarina", True), ("Карим", "Karim", False),
    ("Елена", "Elena", True), ("Давид", "David", False), ("Нино", "Nino", True), ("Самир", "Samir", False),
    ("Алия", "Aliya", True), ("Петер", "Peter", False), ("Анна", "Anna", True), ("Омар", "Omar", False),
    ("Сара", "Sara", True),
]
LAST_NAMES = [  # ru (male), ru (female), en
    ("Идрисов", "Идрисова", "Idrissov"), ("Касымов", "Касымова", "Kassymov"), ("Садыков", "Садыкова", "Sadykov"),
    ("Алиев", "Алиева", "Aliyev"), ("Рахимов", "Рахимова", "Rakhimov"), ("Назаров", "Назарова", "Nazarov"),
    ("Юсупов", "Юсупова", "Yusupov"), ("Ибрагимов", "Ибрагимова", "Ibragimov"), ("Томпсон", "Томпсон", "Thompson"),
    ("Мюллер", "Мюллер", "Mueller"), ("Новак", "Новак", "Novak"), ("Хасанов", "Хасанова", "Khasanov"),
    ("Ким", "Ким", "Kim"), ("Петров", "Петрова", "Petrov"), ("Бекова", "Бекова", "Bekova"),
    ("Мартинес", "Мартинес", "Martinez"), ("Росси", "Росси", "Rossi"), ("Шарма", "Шарма", "Sharma"),
    ("Ахмади", "Ахмади", "Ahmadi"), ("Сато", "Сато", "Sato"),
]

TOPICS = ["access-to-asylum", "border-management", "drivers-of-migration", "human-dignity", "human-rights",
          "humanitarian-cooperation", "international-migration", "international-protection", "migration-flows",
          "migration-governance", "migration-policy", "mixed-migration", "national-security", "refugee-protection",
          "regional-consultative-process", "regional-cooperation", "regular-migration", "rights-of-migrants"]

# What a speaker says: (ru clause, en clause); the words a statement cites.
CLAUSES = [
    ("регион нуждается в общих подходах к управлению смешанными миграционными потоками",
     "the region needs shared approaches to managing mixed migration flows"),
    ("защита беженцев остаётся общей ответственностью всех государств",
     "refugee protection remains a responsibility that all states share"),
    ("доступ к убежищу должен быть обеспечен всем нуждающимся в нём",
     "access to asylum must be ensured for everyone who needs it"),
    ("регулярные каналы трудовой миграции снижают риски для мигрантов",
     "regular channels of labour migration lower the risks that migrants face"),
    ("обмен данными между странами укрепит управление границами",
     "sharing data between countries will strengthen border management"),
    ("права мигрантов должны соблюдаться на всех этапах их пути",
     "the rights of migrants must be respected at every stage of their journey"),
    ("региональный диалог помогает находить решения, которые практичны и гуманны",
     "regional dialogue helps to find solutions that are practical and humane"),
    ("экономическая нестабильность и природные бедствия будут и дальше вызывать миграцию",
     "economic instability and natural disasters will continue to drive migration"),
    ("национальная безопасность и международная защита не противоречат друг другу",
     "national security and international protection do not contradict each other"),
    ("сотрудничество с международными организациями является приоритетом миграционной политики",
     "cooperation with international organisations is a priority of migration policy"),
]
QUOTES = [
    ("Ни одна страна не может в одиночку справиться с вызовами международной миграции",
     "No country can meet the challenges of international migration on its own"),
    ("Мы готовы делиться опытом и учиться у наших соседей",
     "We are ready to share our experience and to learn from our neighbours"),
    ("Достоинство каждого человека должно быть в центре нашей политики",
     "The dignity of every person must be at the centre of our policy"),
    ("Этот процесс даёт нам площадку для честного и открытого диалога",
     "This process gives us a platform for an honest and open dialogue"),
]
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
MONTHS_RU_NOMINATIVE = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь",
                        "ноябрь", "декабрь"]
MONTHS_RU_IN = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре", "октябре",
                "ноябре", "декабре"]

# The state each city is in (where the registry has that state): what a dateline such as "BAKU, Azerbaijan" says.
CITY_STATES = {
    "almaty": "KAZ", "astana": "KAZ", "bishkek": "KGZ", "dushanbe": "TJK", "tashkent": "UZB", "ashgabat": "TKM",
    "kabul": "AFG", "baku": "AZE", "tehran": "IRN", "islamabad": "PAK", "ankara": "TUR", "beijing": "CHN",
    "moscow": "RUS", "geneva": "CHE", "vienna": "AUT", "budapest": "HUN", "prague": "CZE", "colombo": "LKA",
    "bangkok": "THA", "abu-dhabi": "ARE", "rabat": "MAR", "cairo": "EGY", "amman": "JOR", "tbilisi": "GEO",
    "yerevan": "ARM", "chisinau": "MDA", "minsk": "BLR", "warsaw": "POL", "brussels": "BEL", "nairobi": "KEN",
    "addis-ababa": "ETH", "dakar": "SEN", "rome": "ITA", "new-york": "USA", "jakarta": "IDN", "manila": "PHL",
}

NEWS_OUTLETS = [  # id, ru, en, web site (a placeholder domain)
    ("kazinform", "Казинформ", "Kazinform", "kazinform.example.org"),
    ("akipress", "АКИpress", "AKIpress", "akipress.example.org"),
    ("trend", "Тренд", "Trend News Agency", "trend.example.org"),
    ("asia-plus", "Азия-Плюс", "Asia-Plus", "asiaplus.example.org"),
    ("uza", "Национальное информационное агентство Узбекистана", "National News Agency of Uzbekistan",
     "uza.example.org"),
    ("tass", "ТАСС", "TASS", "tass.example.org"),
    ("interfax", "Интерфакс", "Interfax", "interfax.example.org"),
    ("xinhua", "Синьхуа", "Xinhua", "xinhua.example.org"),
    ("anadolu", "Анадолу", "Anadolu Agency", "anadolu.example.org"),
    ("apa", "АПА", "APA", "apa.example.org"),
]

# The kinds of event, with their names (a topic follows "по"/"on") and the verb of their opening, by gender in Russian.
EVENT_KINDS = {  # id: (ru name, en name, ru "opened", ru "was held")
    "ministerial-conference": ("Министерская конференция", "Ministerial Conference", "открылась", "прошла"),
    "senior-officials-meeting": ("Совещание старших должностных лиц", "Senior Officials' Meeting", "открылось",
                                 "прошло"),
    "thematic-meeting": ("Тематическое совещание", "Thematic Meeting", "открылось", "прошло"),
    "expert-meeting": ("Совещание экспертов", "Expert Meeting", "открылось", "прошло"),
    "working-group-meeting": ("Заседание рабочей группы", "Working Group Meeting", "открылось", "прошло"),
}
# How often each kind is a meeting of a process, and how often an event outside any process (in that order).
PROCESS_EVENT_KINDS = (("ministerial-conference", 30), ("senior-officials-meeting", 35), ("thematic-meeting", 15),
                       ("expert-meeting", 12), ("working-group-meeting", 8))
OTHER_EVENT_KINDS = (("ministerial-conference", 65), ("thematic-meeting", 20), ("expert-meeting", 15))

EVENT_TOPICS = [  # ru (after "по"), en (after "on"), the topics of topic:scheme it is about
    ("защите беженцев и международной миграции", "refugee protection and international migration",
     ["refugee-protection", "international-migration"]),
    ("трудовой миграции", "labour migration", ["regular-migration", "rights-of-migrants"]),
    ("управлению границами", "border management", ["border-management"]),
    ("смешанным миграционным потокам", "mixed migration flows", ["mixed-migration", "migration-flows"]),
]

DOCUMENT_KINDS = {  # id: (ru, en): the first words of its name, before the topic
    "declaration": ("Декларация", "Declaration"),
    "action-plan": ("План действий", "Action Plan"),
    "joint-statement": ("Совместное заявление", "Joint Statement"),
}
DOCUMENT_KIND_WEIGHTS = (("declaration", 55), ("action-plan", 35), ("joint-statement", 10))
