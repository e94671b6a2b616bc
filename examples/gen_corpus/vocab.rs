//! Aligned Kazakh / Russian / English legal vocabulary: entry `i` of a list means
//! the same thing in all three languages, so the three texts of a unit share
//! their shape (same clauses, same references in the same order).

/// Noun phrases, in the form they take inside a provision.
pub const NOUNS: &[[&str; 3]] = &[
    ["азаматтардың", "граждан", "of citizens"],
    ["құқықтары", "права", "rights"],
    ["бостандықтары", "свободы", "freedoms"],
    ["міндеттері", "обязанности", "duties"],
    [
        "мемлекеттік органдар",
        "государственные органы",
        "state bodies",
    ],
    [
        "жергілікті атқарушы органдар",
        "местные исполнительные органы",
        "local executive bodies",
    ],
    [
        "уәкілетті орган",
        "уполномоченный орган",
        "the authorized body",
    ],
    [
        "Қазақстан Республикасының Үкіметі",
        "Правительство Республики Казахстан",
        "the Government",
    ],
    ["лауазымды адамдар", "должностные лица", "officials"],
    ["жеке тұлғалар", "физические лица", "natural persons"],
    ["заңды тұлғалар", "юридические лица", "legal entities"],
    ["кәмелетке толмағандар", "несовершеннолетние", "minors"],
    ["сот", "суд", "the court"],
    ["прокурор", "прокурор", "the prosecutor"],
    ["қорғаушы", "защитник", "defence counsel"],
    ["жәбірленуші", "потерпевший", "the victim"],
    ["сезікті", "подозреваемый", "the suspect"],
    ["айыпталушы", "обвиняемый", "the accused"],
    ["куәлар", "свидетели", "witnesses"],
    ["сарапшы", "эксперт", "the expert"],
    [
        "мемлекеттік тіл",
        "государственный язык",
        "the state language",
    ],
    [
        "нормативтік құқықтық актілер",
        "нормативные правовые акты",
        "regulatory legal acts",
    ],
    [
        "халықаралық шарттар",
        "международные договоры",
        "international treaties",
    ],
    [
        "ақпараттық жүйелер",
        "информационные системы",
        "information systems",
    ],
    ["дербес деректер", "персональные данные", "personal data"],
    [
        "электрондық құжат",
        "электронный документ",
        "an electronic document",
    ],
    [
        "телекоммуникациялар желісі",
        "сеть телекоммуникаций",
        "the telecommunications network",
    ],
    [
        "ақпаратқа қол жеткізу",
        "доступ к информации",
        "access to information",
    ],
    [
        "қылмыстық жауаптылық",
        "уголовная ответственность",
        "criminal liability",
    ],
    [
        "әкімшілік жауаптылық",
        "административная ответственность",
        "administrative liability",
    ],
    [
        "тәртіптік жауаптылық",
        "дисциплинарная ответственность",
        "disciplinary liability",
    ],
    ["жаза", "наказание", "punishment"],
    ["айыппұл", "штраф", "a fine"],
    ["бас бостандығынан айыру", "лишение свободы", "imprisonment"],
    [
        "түзеу жұмыстары",
        "исправительные работы",
        "correctional labour",
    ],
    [
        "қоғамдық жұмыстар",
        "общественные работы",
        "community service",
    ],
    [
        "мүлікті тәркілеу",
        "конфискация имущества",
        "confiscation of property",
    ],
    ["зиян", "вред", "harm"],
    ["мүліктік залал", "имущественный ущерб", "property damage"],
    [
        "қоғамдық қауіпті әрекет",
        "общественно опасное деяние",
        "a socially dangerous act",
    ],
    ["әрекетсіздік", "бездействие", "omission"],
    [
        "қылмыстық құқық бұзушылық",
        "уголовное правонарушение",
        "a criminal offence",
    ],
    [
        "әкімшілік құқық бұзушылық",
        "административное правонарушение",
        "an administrative offence",
    ],
    ["сот үкімі", "приговор суда", "the sentence"],
    ["сот шешімі", "решение суда", "the court decision"],
    [
        "іс жүргізу әрекеттері",
        "процессуальные действия",
        "procedural actions",
    ],
    [
        "сотқа дейінгі тергеп-тексеру",
        "досудебное расследование",
        "pre-trial investigation",
    ],
    ["дәлелдемелер", "доказательства", "evidence"],
    ["шағым", "жалоба", "a complaint"],
    ["өтініш", "заявление", "an application"],
    ["хабарлама", "уведомление", "a notification"],
    ["рұқсат", "разрешение", "a permit"],
    ["лицензия", "лицензия", "a licence"],
    [
        "мемлекеттік тіркеу",
        "государственная регистрация",
        "state registration",
    ],
    [
        "мемлекеттік бақылау",
        "государственный контроль",
        "state control",
    ],
    [
        "прокурорлық қадағалау",
        "прокурорский надзор",
        "prosecutorial supervision",
    ],
    ["тексеру", "проверка", "an inspection"],
    ["салықтар", "налоги", "taxes"],
    [
        "бюджетке төленетін төлемдер",
        "платежи в бюджет",
        "payments to the budget",
    ],
    ["бюджет қаражаты", "бюджетные средства", "budget funds"],
    [
        "мемлекеттік меншік",
        "государственная собственность",
        "state property",
    ],
    ["жеке меншік", "частная собственность", "private property"],
    ["жер учаскесі", "земельный участок", "a land plot"],
    ["табиғи ресурстар", "природные ресурсы", "natural resources"],
    ["қоршаған орта", "окружающая среда", "the environment"],
    ["халықтың денсаулығы", "здоровье населения", "public health"],
    ["еңбек шарты", "трудовой договор", "the employment contract"],
    ["жұмыс беруші", "работодатель", "the employer"],
    ["қызметкер", "работник", "the employee"],
    ["жалақы", "заработная плата", "wages"],
    [
        "әлеуметтік қамсыздандыру",
        "социальное обеспечение",
        "social security",
    ],
    ["отбасы", "семья", "the family"],
    ["бала", "ребенок", "the child"],
    ["ата-аналар", "родители", "parents"],
    ["неке", "брак", "marriage"],
    ["мұрагерлік", "наследование", "inheritance"],
    [
        "азаматтық-құқықтық шарт",
        "гражданско-правовой договор",
        "a civil-law contract",
    ],
    ["міндеттемелер", "обязательства", "obligations"],
    ["тараптар", "стороны", "the parties"],
    [
        "кәсіпкерлік қызмет",
        "предпринимательская деятельность",
        "entrepreneurial activity",
    ],
    [
        "тауарлар мен көрсетілетін қызметтер",
        "товары и услуги",
        "goods and services",
    ],
    ["тұтынушылар", "потребители", "consumers"],
    ["бәсекелестік", "конкуренция", "competition"],
    [
        "қаржы ұйымдары",
        "финансовые организации",
        "financial organizations",
    ],
    ["банктік құпия", "банковская тайна", "bank secrecy"],
    [
        "қызметтік ақпарат",
        "служебная информация",
        "official information",
    ],
    [
        "мемлекеттік құпиялар",
        "государственные секреты",
        "state secrets",
    ],
    ["сайлау", "выборы", "elections"],
    [
        "республикалық референдум",
        "республиканский референдум",
        "a national referendum",
    ],
    [
        "Қазақстан Республикасының Конституциясы",
        "Конституция Республики Казахстан",
        "the Constitution",
    ],
    [
        "Қазақстан Республикасының заңнамасы",
        "законодательство Республики Казахстан",
        "the legislation",
    ],
    [
        "белгіленген мерзім",
        "установленный срок",
        "the prescribed period",
    ],
    ["күнтізбелік күн", "календарный день", "a calendar day"],
    ["жұмыс күні", "рабочий день", "a working day"],
    ["тәртіп", "порядок", "the procedure"],
    ["талаптар", "требования", "requirements"],
    ["шарттар", "условия", "conditions"],
    ["негіздер", "основания", "grounds"],
    ["мақсаттар", "цели", "purposes"],
    ["қағидалар", "правила", "rules"],
    ["ережелер", "положения", "provisions"],
    ["өкілеттіктер", "полномочия", "powers"],
    ["құзырет", "компетенция", "competence"],
    [
        "мемлекеттік көрсетілетін қызметтер",
        "государственные услуги",
        "public services",
    ],
    [
        "мемлекеттік сатып алу",
        "государственные закупки",
        "public procurement",
    ],
    ["киберқауіпсіздік", "кибербезопасность", "cybersecurity"],
    ["цифрлық активтер", "цифровые активы", "digital assets"],
    [
        "ұлттық қауіпсіздік",
        "национальная безопасность",
        "national security",
    ],
    ["қоғамдық тәртіп", "общественный порядок", "public order"],
    ["адамның өмірі", "жизнь человека", "human life"],
    ["денсаулыққа зиян", "вред здоровью", "harm to health"],
    ["жол жүрісі", "дорожное движение", "road traffic"],
    ["көлік құралы", "транспортное средство", "a vehicle"],
    [
        "білім беру ұйымдары",
        "организации образования",
        "educational organizations",
    ],
    ["медициналық көмек", "медицинская помощь", "medical care"],
    ["мәдени мұра", "культурное наследие", "cultural heritage"],
    [
        "бұқаралық ақпарат құралдары",
        "средства массовой информации",
        "the mass media",
    ],
    [
        "мемлекеттік қызметші",
        "государственный служащий",
        "a civil servant",
    ],
    ["сыбайлас жемқорлық", "коррупция", "corruption"],
    [
        "мүдделер қақтығысы",
        "конфликт интересов",
        "a conflict of interest",
    ],
];

/// Adverbial modifiers, placed before the Kazakh verb and after the Russian one.
pub const ADVERBS: &[[&str; 3]] = &[
    ["қасақана", "умышленно", "intentionally"],
    ["абайсызда", "по неосторожности", "negligently"],
    ["заңсыз", "незаконно", "unlawfully"],
    ["уақтылы", "своевременно", "in good time"],
    ["тікелей", "непосредственно", "directly"],
    ["тиісінше", "надлежащим образом", "duly"],
    ["толық көлемде", "в полном объеме", "in full"],
    ["жазбаша нысанда", "в письменной форме", "in writing"],
    [
        "электрондық нысанда",
        "в электронной форме",
        "in electronic form",
    ],
    [
        "өз құзыреті шегінде",
        "в пределах своей компетенции",
        "within its competence",
    ],
    [
        "заңда белгіленген тәртіппен",
        "в порядке, установленном законом",
        "as prescribed by law",
    ],
    ["сот тәртібімен", "в судебном порядке", "through the courts"],
    ["ерікті түрде", "добровольно", "voluntarily"],
    ["қайталап", "повторно", "repeatedly"],
    ["бір жыл ішінде", "в течение одного года", "within one year"],
    ["он күн ішінде", "в течение десяти дней", "within ten days"],
    ["ай сайын", "ежемесячно", "monthly"],
];

/// Predicates: last in a Kazakh clause, second in a Russian one.
pub const VERBS: &[[&str; 3]] = &[
    ["жүзеге асырылады", "осуществляется", "is carried out"],
    ["белгіленеді", "устанавливается", "is established"],
    ["айқындалады", "определяется", "is determined"],
    ["қолданылады", "применяется", "applies"],
    ["жүктеледі", "возлагается", "is imposed"],
    ["қамтамасыз етіледі", "обеспечивается", "is ensured"],
    ["қорғалады", "охраняется", "is protected"],
    ["тыйым салынады", "запрещается", "is prohibited"],
    ["жол берілмейді", "не допускается", "is not allowed"],
    ["тартылады", "привлекается", "is brought"],
    ["босатылады", "освобождается", "is released"],
    ["жазаланады", "наказывается", "is punished"],
    ["бекітіледі", "утверждается", "is approved"],
    ["ұсынылады", "представляется", "is submitted"],
    ["қаралады", "рассматривается", "is considered"],
    ["жарияланады", "публикуется", "is published"],
    ["тіркеледі", "регистрируется", "is registered"],
    ["тоқтатылады", "прекращается", "is terminated"],
    ["тоқтатыла тұрады", "приостанавливается", "is suspended"],
    ["өтеледі", "возмещается", "is compensated"],
    [
        "шектелуі мүмкін",
        "может быть ограничено",
        "may be restricted",
    ],
    ["құқылы", "вправе", "is entitled"],
    ["міндетті", "обязан", "is obliged"],
    ["жатады", "подлежит", "is subject"],
    ["реттеледі", "регулируется", "is regulated"],
    ["кепілдік беріледі", "гарантируется", "is guaranteed"],
    ["бақыланады", "контролируется", "is monitored"],
    ["есепке алынады", "учитывается", "is taken into account"],
];

/// Words joining two clauses.
pub const CONNECTORS: &[[&str; 3]] = &[
    ["және", "и", "and"],
    ["немесе", "или", "or"],
    ["сондай-ақ", "а также", "as well as"],
    ["алайда", "однако", "however"],
];

/// Phrases around an inline reference: `(kk, ru, en, kk dative case)`; the
/// reference is written at `{}`: Kazakh puts it first, Russian and English last.
pub struct RefPhrase {
    pub kk: &'static str,
    pub ru: &'static str,
    pub en: &'static str,
    pub kk_dative: bool,
}

pub const REF_PHRASES: &[RefPhrase] = &[
    RefPhrase {
        kk: "көзделген жағдайларда",
        ru: "в случаях, предусмотренных",
        en: "in the cases provided for in",
        kk_dative: false,
    },
    RefPhrase {
        kk: "сәйкес",
        ru: "в соответствии с",
        en: "in accordance with",
        kk_dative: true,
    },
    RefPhrase {
        kk: "көзделген жағдайларды қоспағанда",
        ru: "за исключением случаев, предусмотренных",
        en: "except as provided for in",
        kk_dative: false,
    },
    RefPhrase {
        kk: "белгіленген тәртіппен",
        ru: "в порядке, установленном",
        en: "in the manner established by",
        kk_dative: false,
    },
];

/// The end of a part's text that introduces its points.
pub const POINTS_INTRO: [&str; 3] = [
    "мынадай жағдайларда",
    "в следующих случаях",
    "in the following cases",
];

/// Words that occur nowhere else in the corpus: each is planted in a couple
/// of units so that a `replace-all` has something to replace, and only there.
/// `[kk old, kk new, ru old, ru new]`.
pub const RARE: &[[&str; 4]] = &[
    [
        "медиация",
        "татуласу рәсімі",
        "медиация",
        "примирительная процедура",
    ],
    [
        "апостиль",
        "консулдық заңдастыру",
        "апостиль",
        "консульская легализация",
    ],
    ["экстрадиция", "ұстап беру", "экстрадиция", "выдача лица"],
    [
        "омбудсмен",
        "адам құқықтары жөніндегі уәкіл",
        "омбудсмен",
        "уполномоченный по правам человека",
    ],
    [
        "краудфандинг",
        "ұжымдық қаржыландыру",
        "краудфандинг",
        "коллективное финансирование",
    ],
    [
        "депозитарий",
        "бағалы қағаздар ұстаушысы",
        "депозитарий",
        "держатель ценных бумаг",
    ],
    [
        "геномдық тіркеу",
        "генетикалық тіркеу",
        "геномная регистрация",
        "генетическая регистрация",
    ],
    [
        "дактилоскопиялау",
        "саусақ іздерін алу",
        "дактилоскопирование",
        "снятие отпечатков пальцев",
    ],
];

/// Titles of the Kazakh acts; a workspace with more acts reuses them.
pub struct Topic {
    pub kind: &'static str,
    pub kk: &'static str,
    pub ru: &'static str,
    pub en: &'static str,
    /// Genitive, as in "… 17-бабында" / "статьей 17 …"; `en` as in "Article 17 of …".
    pub kk_gen: &'static str,
    pub ru_gen: &'static str,
    pub en_ref: &'static str,
    /// Dative, as in "… өзгерістер енгізу туралы".
    pub kk_dat: &'static str,
}

pub const TOPICS: &[Topic] = &[
    Topic {
        kind: "code",
        kk: "Қазақстан Республикасының Әкімшілік құқық бұзушылық туралы кодексі",
        ru: "Кодекс Республики Казахстан об административных правонарушениях",
        en: "Code of Administrative Offences of the Republic of Kazakhstan",
        kk_gen: "Әкімшілік құқық бұзушылық туралы кодекстің",
        ru_gen: "Кодекса Республики Казахстан об административных правонарушениях",
        en_ref: "the Code of Administrative Offences",
        kk_dat: "Қазақстан Республикасының Әкімшілік құқық бұзушылық туралы кодексіне",
    },
    Topic {
        kind: "law",
        kk: "«Ақпараттандыру туралы» Қазақстан Республикасының Заңы",
        ru: "Закон Республики Казахстан «Об информатизации»",
        en: "Law of the Republic of Kazakhstan on Informatization",
        kk_gen: "«Ақпараттандыру туралы» Қазақстан Республикасы Заңының",
        ru_gen: "Закона Республики Казахстан «Об информатизации»",
        en_ref: "the Law on Informatization",
        kk_dat: "«Ақпараттандыру туралы» Қазақстан Республикасының Заңына",
    },
    Topic {
        kind: "law",
        kk: "«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңы",
        ru: "Закон Республики Казахстан «О персональных данных и их защите»",
        en: "Law of the Republic of Kazakhstan on Personal Data and Their Protection",
        kk_gen: "«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасы Заңының",
        ru_gen: "Закона Республики Казахстан «О персональных данных и их защите»",
        en_ref: "the Law on Personal Data",
        kk_dat: "«Дербес деректер және оларды қорғау туралы» Қазақстан Республикасының Заңына",
    },
    Topic {
        kind: "law",
        kk: "«Байланыс туралы» Қазақстан Республикасының Заңы",
        ru: "Закон Республики Казахстан «О связи»",
        en: "Law of the Republic of Kazakhstan on Communications",
        kk_gen: "«Байланыс туралы» Қазақстан Республикасы Заңының",
        ru_gen: "Закона Республики Казахстан «О связи»",
        en_ref: "the Law on Communications",
        kk_dat: "«Байланыс туралы» Қазақстан Республикасының Заңына",
    },
    Topic {
        kind: "law",
        kk: "«Қазақстан Республикасының мемлекеттік қызметі туралы» Қазақстан Республикасының Заңы",
        ru: "Закон Республики Казахстан «О государственной службе Республики Казахстан»",
        en: "Law of the Republic of Kazakhstan on the Civil Service",
        kk_gen: "«Қазақстан Республикасының мемлекеттік қызметі туралы» Қазақстан Республикасы Заңының",
        ru_gen: "Закона Республики Казахстан «О государственной службе Республики Казахстан»",
        en_ref: "the Law on the Civil Service",
        kk_dat: "«Қазақстан Республикасының мемлекеттік қызметі туралы» Қазақстан Республикасының Заңына",
    },
    Topic {
        kind: "law",
        kk: "«Құқықтық актілер туралы» Қазақстан Республикасының Заңы",
        ru: "Закон Республики Казахстан «О правовых актах»",
        en: "Law of the Republic of Kazakhstan on Legal Acts",
        kk_gen: "«Құқықтық актілер туралы» Қазақстан Республикасы Заңының",
        ru_gen: "Закона Республики Казахстан «О правовых актах»",
        en_ref: "the Law on Legal Acts",
        kk_dat: "«Құқықтық актілер туралы» Қазақстан Республикасының Заңына",
    },
    Topic {
        kind: "law",
        kk: "«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Қазақстан Республикасының Заңы",
        ru: "Закон Республики Казахстан «О противодействии коррупции»",
        en: "Law of the Republic of Kazakhstan on Countering Corruption",
        kk_gen: "«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Қазақстан Республикасы Заңының",
        ru_gen: "Закона Республики Казахстан «О противодействии коррупции»",
        en_ref: "the Law on Countering Corruption",
        kk_dat: "«Сыбайлас жемқорлыққа қарсы іс-қимыл туралы» Қазақстан Республикасының Заңына",
    },
    Topic {
        kind: "law",
        kk: "«Білім туралы» Қазақстан Республикасының Заңы",
        ru: "Закон Республики Казахстан «Об образовании»",
        en: "Law of the Republic of Kazakhstan on Education",
        kk_gen: "«Білім туралы» Қазақстан Республикасы Заңының",
        ru_gen: "Закона Республики Казахстан «Об образовании»",
        en_ref: "the Law on Education",
        kk_dat: "«Білім туралы» Қазақстан Республикасының Заңына",
    },
];

/// Foreign acts, in Russian, that Kazakh units are compared with:
/// `(jurisdiction, kind, ru title, en title, ru genitive, en reference, number suffix)`.
pub const FOREIGN: &[[&str; 7]] = &[
    [
        "ru",
        "law",
        "Федеральный закон «Об информации, информационных технологиях и о защите информации»",
        "Federal Law on Information, Information Technologies and Protection of Information",
        "Федерального закона «Об информации, информационных технологиях и о защите информации»",
        "the Federal Law on Information",
        "ФЗ",
    ],
    [
        "by",
        "law",
        "Закон Республики Беларусь «Об информации, информатизации и защите информации»",
        "Law of the Republic of Belarus on Information, Informatization and Protection of Information",
        "Закона Республики Беларусь «Об информации, информатизации и защите информации»",
        "the Belarusian Law on Information",
        "З",
    ],
    [
        "cis",
        "model-law",
        "Модельный закон «Об информатизации, информации и защите информации»",
        "Model Law on Informatization, Information and Protection of Information",
        "Модельного закона «Об информатизации, информации и защите информации»",
        "the CIS Model Law on Informatization",
        "10",
    ],
];

/// Chapter titles: the first and last chapters of an act; the others are
/// built from a noun.
pub const FIRST_CHAPTER: [&str; 3] = ["Жалпы ережелер", "Общие положения", "General provisions"];
pub const LAST_CHAPTER: [&str; 3] = [
    "Қорытынды ережелер",
    "Заключительные положения",
    "Final provisions",
];

/// Notes on comparative links.
pub const COMPARE_NOTES: &[&str] = &[
    "same scope, different sanctions",
    "the foreign rule also covers legal entities",
    "no equivalent of the notification duty",
    "stricter time limits",
    "liability only for intentional acts",
];
