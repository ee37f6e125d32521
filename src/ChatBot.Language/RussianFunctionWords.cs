namespace ChatBot.Language;

/// <summary>
/// The closed classes of Russian a bilingual dictionary translates poorly or not at all: question words,
/// prepositions, pronouns, particles, verbs of saying (as the English framing the pipeline recognises: "what",
/// "said", "about", "according to"), abbreviations of organisations, and place names a 1960s dictionary and
/// ISO 3166 lack in their everyday form. Content words come from the dictionary. Keys are lower case with ё as е;
/// an empty translation drops the word.
/// </summary>
internal static class RussianFunctionWords
{
    /// <summary>Fixed phrases, matched before single words.</summary>
    public static readonly IReadOnlyList<(string[] Russian, string English)> Phrases =
    [
        (["по", "словам"], "according to"),
        (["по", "мнению"], "according to"),
        (["с", "точки", "зрения"], "according to"),
        (["в", "отношении"], "about"),
        (["по", "поводу"], "about"),
        (["по", "вопросу"], "on"),
        (["что", "касается"], "about"),
        (["в", "связи", "с"], "about"),
        (["потому", "что"], "because"),
        (["так", "как"], "because"),
        (["до", "того", "как"], "before"),
        (["после", "того", "как"], "after"),
        (["может", "ли"], "can"),
        (["есть", "ли"], "is there"),
        (["было", "ли"], "was there"),
        (["министр", "иностранных", "дел"], "foreign minister"),
        (["министра", "иностранных", "дел"], "foreign minister"),
        (["министерство", "иностранных", "дел"], "foreign ministry"),
        (["министерства", "иностранных", "дел"], "foreign ministry"),
        (["генеральный", "секретарь"], "Secretary-General"),
        (["генерального", "секретаря"], "Secretary-General"),
        (["так", "называемый"], "so-called"),
        (["так", "называемая"], "so-called"),
        (["так", "называемые"], "so-called"),
        (["так", "называемого"], "so-called"),
        (["так", "называемой"], "so-called"),
        (["так", "называемых"], "so-called"),
    ];

    /// <summary>Single words.</summary>
    public static readonly IReadOnlyDictionary<string, string> Words = Build(new()
    {
        // Question words.
        ["что"] = "what", ["чего"] = "what", ["чем"] = "what", ["чему"] = "what",
        ["как"] = "how", ["каким"] = "how", ["почему"] = "why", ["зачем"] = "why", ["отчего"] = "why",
        ["когда"] = "when", ["где"] = "where", ["куда"] = "where", ["откуда"] = "where from",
        ["кто"] = "who", ["кого"] = "whom", ["кому"] = "whom", ["кем"] = "whom", ["ком"] = "whom",
        ["какой"] = "what", ["какая"] = "what", ["какое"] = "what", ["какие"] = "what", ["какую"] = "what",
        ["каких"] = "what", ["каком"] = "what", ["какого"] = "what", ["какому"] = "what", ["какими"] = "what",
        ["который"] = "which", ["которая"] = "which", ["которое"] = "which", ["которые"] = "which", ["которую"] = "which",
        ["которого"] = "which", ["которой"] = "which", ["котором"] = "which", ["которых"] = "which", ["которым"] = "which",
        ["чей"] = "whose", ["чья"] = "whose", ["чьи"] = "whose", ["сколько"] = "how many", ["ли"] = "",
        // Prepositions.
        ["о"] = "about", ["об"] = "about", ["обо"] = "about", ["про"] = "about", ["насчет"] = "about",
        ["относительно"] = "about", ["касательно"] = "about",
        ["в"] = "in", ["во"] = "in", ["на"] = "on", ["с"] = "with", ["со"] = "with", ["к"] = "to", ["ко"] = "to",
        ["из"] = "from", ["от"] = "from", ["для"] = "for", ["без"] = "without", ["до"] = "before", ["после"] = "after",
        ["между"] = "between", ["против"] = "against", ["через"] = "through", ["над"] = "over", ["под"] = "under",
        ["при"] = "under", ["за"] = "for", ["вокруг"] = "around", ["около"] = "about", ["среди"] = "among",
        ["у"] = "", ["по"] = "on", ["перед"] = "before", ["вместо"] = "instead of", ["кроме"] = "besides",
        ["ради"] = "for", ["вне"] = "outside", ["внутри"] = "inside",
        // Conjunctions and particles.
        ["и"] = "and", ["или"] = "or", ["либо"] = "or", ["но"] = "but", ["а"] = "and", ["однако"] = "however",
        ["если"] = "if", ["чтобы"] = "to", ["чтоб"] = "to", ["хотя"] = "although", ["пока"] = "while",
        ["не"] = "not", ["ни"] = "nor", ["нет"] = "no", ["да"] = "yes", ["же"] = "", ["бы"] = "", ["ведь"] = "",
        ["вот"] = "", ["именно"] = "", ["ещё"] = "still", ["еще"] = "still", ["уже"] = "already",
        ["также"] = "also", ["тоже"] = "also", ["только"] = "only", ["даже"] = "even", ["лишь"] = "only",
        ["очень"] = "very", ["так"] = "so", ["там"] = "there", ["здесь"] = "here", ["тогда"] = "then",
        ["теперь"] = "now", ["сейчас"] = "now", ["сегодня"] = "today", ["вчера"] = "yesterday", ["завтра"] = "tomorrow",
        ["ранее"] = "earlier", ["раньше"] = "earlier", ["недавно"] = "recently", ["когда-либо"] = "ever",
        ["когда-нибудь"] = "ever", ["снова"] = "again", ["всегда"] = "always", ["никогда"] = "never",
        // Pronouns.
        ["я"] = "I", ["мы"] = "we", ["ты"] = "you", ["вы"] = "you", ["он"] = "he", ["она"] = "she", ["оно"] = "it",
        ["они"] = "they", ["его"] = "his", ["ее"] = "her", ["их"] = "their", ["им"] = "them", ["ему"] = "him",
        ["ей"] = "her", ["нему"] = "him", ["него"] = "him", ["нее"] = "her", ["них"] = "them", ["ним"] = "him",
        ["нем"] = "him", ["ней"] = "her", ["мне"] = "me", ["меня"] = "me", ["нам"] = "us", ["нас"] = "us",
        ["вам"] = "you", ["вас"] = "you", ["себя"] = "himself", ["себе"] = "himself",
        ["свой"] = "his", ["своя"] = "his", ["свое"] = "his", ["свои"] = "his", ["своего"] = "his", ["своей"] = "his",
        ["своем"] = "his", ["своим"] = "his", ["своих"] = "his", ["свою"] = "his", ["своему"] = "his",
        ["этот"] = "this", ["эта"] = "this", ["это"] = "this", ["эти"] = "these", ["этого"] = "this", ["этой"] = "this",
        ["этом"] = "this", ["этому"] = "this", ["этим"] = "this", ["этих"] = "these", ["эту"] = "this",
        ["тот"] = "that", ["та"] = "that", ["то"] = "that", ["те"] = "those", ["того"] = "that", ["той"] = "that",
        ["том"] = "that", ["тому"] = "that", ["тем"] = "that", ["тех"] = "those", ["ту"] = "that",
        ["весь"] = "all", ["вся"] = "all", ["все"] = "all", ["всё"] = "all", ["всех"] = "all", ["всем"] = "all",
        ["всего"] = "all", ["всей"] = "all",
        // Auxiliaries and verbs a dictionary scatters.
        ["был"] = "was", ["была"] = "was", ["было"] = "was", ["были"] = "were", ["будет"] = "will", ["будут"] = "will",
        ["есть"] = "is", ["является"] = "is", ["являются"] = "are", ["являлся"] = "was",
        ["может"] = "can", ["могут"] = "can", ["мог"] = "could", ["могла"] = "could", ["могли"] = "could",
        ["должен"] = "must", ["должна"] = "must", ["должны"] = "must", ["нужно"] = "need", ["надо"] = "need",
        ["считает"] = "thinks", ["считал"] = "thought", ["считала"] = "thought", ["считают"] = "think",
        ["думает"] = "thinks", ["думал"] = "thought",
    });

    /// <summary>Stems of the verbs of saying (сказал, говорил, заявила, высказывался...), all rendered "said".</summary>
    public static readonly IReadOnlySet<string> SayingStems = new HashSet<string>(StringComparer.Ordinal)
    {
        "сказа", "скаж", "говор", "заяв", "заявля", "высказа", "высказыва", "выскаж",
    };

    /// <summary>The English for saying.</summary>
    public const string Said = "said";

    /// <summary>"год" after a number ("в 2014 году") is left out: the number alone is the date.</summary>
    public static readonly IReadOnlySet<string> YearWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "год", "году", "года", "годом", "годах", "годы", "годов", "г",
    };

    /// <summary>Prepositions whose sense changes before a number (с 2016 -> since 2016, до 2020 -> until 2020).</summary>
    public static readonly IReadOnlyDictionary<string, string> BeforeNumber = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["с"] = "since", ["со"] = "since", ["до"] = "until", ["к"] = "by",
    };

    /// <summary>Abbreviations of states and organisations, matched in capitals as written.</summary>
    public static readonly IReadOnlyDictionary<string, string> Acronyms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["НАТО"] = "NATO", ["ООН"] = "UN", ["ЕС"] = "EU", ["США"] = "United States", ["СССР"] = "USSR", ["РФ"] = "Russia",
        ["ОБСЕ"] = "OSCE", ["СНГ"] = "CIS", ["МАГАТЭ"] = "IAEA", ["ОДКБ"] = "CSTO", ["ШОС"] = "SCO", ["БРИКС"] = "BRICS",
        ["ВТО"] = "WTO", ["ВОЗ"] = "World Health Organization", ["СБ"] = "Security Council", ["ЕАЭС"] = "Eurasian Economic Union",
        ["МИД"] = "Foreign Ministry", ["ОЗХО"] = "OPCW", ["СНВ"] = "START", ["ДРСМД"] = "INF Treaty", ["ДНР"] = "Donetsk",
        ["ЛНР"] = "Lugansk", ["КНДР"] = "North Korea", ["КНР"] = "China", ["ЮНЕСКО"] = "UNESCO", ["ОПЕК"] = "OPEC",
        ["АСЕАН"] = "ASEAN", ["ЦРУ"] = "CIA", ["ФБР"] = "FBI", ["ВВП"] = "GDP", ["ОМУ"] = "weapons of mass destruction",
        ["СВПД"] = "JCPOA", ["ПА"] = "Parliamentary Assembly", ["ЕСПЧ"] = "European Court of Human Rights",
        ["АТЭС"] = "APEC", ["ГА"] = "General Assembly", ["МУС"] = "International Criminal Court",
    };

    /// <summary>Everyday names of countries, regions and cities (ISO 3166 gives official forms only, or none in Russian).</summary>
    public static readonly IReadOnlyList<(string Russian, string English)> Places =
    [
        ("Россия", "Russia"), ("Америка", "America"), ("Европа", "Europe"), ("Азия", "Asia"), ("Африка", "Africa"),
        ("Великобритания", "Britain"), ("Британия", "Britain"), ("Англия", "England"), ("Турция", "Turkey"),
        ("Сирия", "Syria"), ("Ватикан", "Vatican"), ("Палестина", "Palestine"), ("Косово", "Kosovo"),
        ("Крым", "Crimea"), ("Донбасс", "Donbas"), ("Ближний Восток", "Middle East"), ("Латинская Америка", "Latin America"),
        ("Евросоюз", "European Union"), ("Европейский союз", "European Union"), ("Совет Безопасности", "Security Council"),
        ("Генеральная Ассамблея", "General Assembly"), ("Организация Объединенных Наций", "United Nations"),
        ("Белый дом", "White House"), ("Кремль", "Kremlin"), ("Вашингтон", "Washington"), ("Москва", "Moscow"),
        ("Киев", "Kiev"), ("Пекин", "Beijing"), ("Лондон", "London"), ("Париж", "Paris"), ("Берлин", "Berlin"),
        ("Тегеран", "Tehran"), ("Брюссель", "Brussels"), ("Нью-Йорк", "New York"), ("Женева", "Geneva"),
        ("Генассамблея", "General Assembly"), ("Генсек", "Secretary-General"), ("Совбез", "Security Council"),
        ("Госдеп", "State Department"), ("Госдепартамент", "State Department"), ("Минобороны", "Defense Ministry"),
        ("Пентагон", "Pentagon"), ("российский", "Russian"),
        ("Минск", "Minsk"), ("Дамаск", "Damascus"), ("Балтия", "Baltic"), ("Арктика", "Arctic"), ("Антарктика", "Antarctic"),
    ];

    private static Dictionary<string, string> Build(Dictionary<string, string> words) => new(words, StringComparer.Ordinal);
}
