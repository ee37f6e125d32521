using System.Collections.Frozen;
using System.Globalization;

namespace ChatBot.Answering;

/// <summary>
/// The UN's page for one country's statement in one session's general debate:
/// <c>https://gadebate.un.org/en/{session}/{country}</c>, with the video, a summary and the statement as delivered.
/// The site has such pages from the 64th session (2009) on. The country part is the UN's short name of the member
/// state, lower case, hyphenated, without "of" and "the" ("russian-federation", "united-states-america",
/// "iran-islamic-republic"). Only names the UN has not changed since 2009 are listed, each as the site spells it
/// (its 80th-session list), so that no link is guessed: a country renamed in that time (Czechia, Eswatini, North
/// Macedonia, Türkiye, the Netherlands, the Gambia, Cabo Verde, Libya, Bolivia, the State of Palestine) and the few
/// missing from that list (Afghanistan, El Salvador, Myanmar, Seychelles) get no link.
/// </summary>
internal static class UnGeneralDebatePages
{
    /// <summary>The first session with a page per country on gadebate.un.org.</summary>
    public const int FirstSession = 64;

    private const string Site = "https://gadebate.un.org/en/";

    /// <summary>Country codes of the speech files (ISO 3166-1 alpha-3, plus the corpus's own EU, POR, PKR, ZFA) and the site's name for each.</summary>
    private static readonly FrozenDictionary<string, string> s_countries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AGO"] = "angola", ["ALB"] = "albania", ["AND"] = "andorra", ["ARE"] = "united-arab-emirates", ["ARG"] = "argentina",
        ["ARM"] = "armenia", ["ATG"] = "antigua-and-barbuda", ["AUS"] = "australia", ["AUT"] = "austria", ["AZE"] = "azerbaijan",
        ["BDI"] = "burundi", ["BEL"] = "belgium", ["BEN"] = "benin", ["BFA"] = "burkina-faso", ["BGD"] = "bangladesh",
        ["BGR"] = "bulgaria", ["BHR"] = "bahrain", ["BHS"] = "bahamas", ["BIH"] = "bosnia-and-herzegovina", ["BLR"] = "belarus",
        ["BLZ"] = "belize", ["BRA"] = "brazil", ["BRB"] = "barbados", ["BRN"] = "brunei-darussalam", ["BTN"] = "bhutan",
        ["BWA"] = "botswana", ["CAF"] = "central-african-republic", ["CAN"] = "canada", ["CHE"] = "switzerland", ["CHL"] = "chile",
        ["CHN"] = "china", ["CIV"] = "cote-divoire", ["CMR"] = "cameroon", ["COD"] = "democratic-republic-congo", ["COG"] = "congo",
        ["COL"] = "colombia", ["COM"] = "comoros", ["CRI"] = "costa-rica", ["CUB"] = "cuba", ["CYP"] = "cyprus",
        ["DEU"] = "germany", ["DJI"] = "djibouti", ["DMA"] = "dominica", ["DNK"] = "denmark", ["DOM"] = "dominican-republic",
        ["DZA"] = "algeria", ["ECU"] = "ecuador", ["EGY"] = "egypt", ["ERI"] = "eritrea", ["ESP"] = "spain",
        ["EST"] = "estonia", ["ETH"] = "ethiopia", ["EU"] = "european-union", ["FIN"] = "finland", ["FJI"] = "fiji",
        ["FRA"] = "france", ["FSM"] = "micronesia-federated-states", ["GAB"] = "gabon", ["GBR"] = "united-kingdom-great-britain-and-northern-ireland",
        ["GEO"] = "georgia", ["GHA"] = "ghana", ["GIN"] = "guinea", ["GNB"] = "guinea-bissau", ["GNQ"] = "equatorial-guinea",
        ["GRC"] = "greece", ["GRD"] = "grenada", ["GTM"] = "guatemala", ["GUY"] = "guyana", ["HND"] = "honduras",
        ["HRV"] = "croatia", ["HTI"] = "haiti", ["HUN"] = "hungary", ["IDN"] = "indonesia", ["IND"] = "india",
        ["IRL"] = "ireland", ["IRN"] = "iran-islamic-republic", ["IRQ"] = "iraq", ["ISL"] = "iceland", ["ISR"] = "israel",
        ["ITA"] = "italy", ["JAM"] = "jamaica", ["JOR"] = "jordan", ["JPN"] = "japan", ["KAZ"] = "kazakhstan",
        ["KEN"] = "kenya", ["KGZ"] = "kyrgyzstan", ["KHM"] = "cambodia", ["KIR"] = "kiribati", ["KNA"] = "saint-kitts-and-nevis",
        ["KOR"] = "republic-korea", ["KWT"] = "kuwait", ["LAO"] = "lao-peoples-democratic-republic", ["LBN"] = "lebanon", ["LBR"] = "liberia",
        ["LCA"] = "saint-lucia", ["LIE"] = "liechtenstein", ["LKA"] = "sri-lanka", ["LSO"] = "lesotho", ["LTU"] = "lithuania",
        ["LUX"] = "luxembourg", ["LVA"] = "latvia", ["MAR"] = "morocco", ["MCO"] = "monaco", ["MDA"] = "republic-moldova",
        ["MDG"] = "madagascar", ["MDV"] = "maldives", ["MEX"] = "mexico", ["MHL"] = "marshall-islands", ["MLI"] = "mali",
        ["MLT"] = "malta", ["MNE"] = "montenegro", ["MNG"] = "mongolia", ["MOZ"] = "mozambique", ["MRT"] = "mauritania",
        ["MUS"] = "mauritius", ["MWI"] = "malawi", ["MYS"] = "malaysia", ["NAM"] = "namibia", ["NER"] = "niger",
        ["NGA"] = "nigeria", ["NIC"] = "nicaragua", ["NOR"] = "norway", ["NPL"] = "nepal", ["NRU"] = "nauru",
        ["NZL"] = "new-zealand", ["OMN"] = "oman", ["PAK"] = "pakistan", ["PAN"] = "panama", ["PER"] = "peru",
        ["PHL"] = "philippines", ["PKR"] = "democratic-peoples-republic-korea", ["PLW"] = "palau", ["PNG"] = "papua-new-guinea", ["POL"] = "poland",
        ["POR"] = "portugal", ["PRK"] = "democratic-peoples-republic-korea", ["PRT"] = "portugal", ["PRY"] = "paraguay", ["QAT"] = "qatar",
        ["ROU"] = "romania", ["RUS"] = "russian-federation", ["RWA"] = "rwanda", ["SAU"] = "saudi-arabia", ["SDN"] = "sudan",
        ["SEN"] = "senegal", ["SGP"] = "singapore", ["SLB"] = "solomon-islands", ["SLE"] = "sierra-leone", ["SMR"] = "san-marino",
        ["SOM"] = "somalia", ["SRB"] = "serbia", ["SSD"] = "south-sudan", ["STP"] = "sao-tome-and-principe",
        ["SUR"] = "suriname", ["SVK"] = "slovakia", ["SVN"] = "slovenia", ["SWE"] = "sweden", ["SYR"] = "syrian-arab-republic",
        ["TCD"] = "chad", ["TGO"] = "togo", ["THA"] = "thailand", ["TJK"] = "tajikistan", ["TKM"] = "turkmenistan",
        ["TLS"] = "timor-leste", ["TON"] = "tonga", ["TTO"] = "trinidad-and-tobago", ["TUN"] = "tunisia", ["TUV"] = "tuvalu",
        ["TZA"] = "united-republic-tanzania", ["UGA"] = "uganda", ["UKR"] = "ukraine", ["URY"] = "uruguay", ["USA"] = "united-states-america",
        ["UZB"] = "uzbekistan", ["VAT"] = "holy-see", ["VCT"] = "saint-vincent-and-grenadines", ["VEN"] = "venezuela-bolivarian-republic", ["VNM"] = "viet-nam",
        ["VUT"] = "vanuatu", ["WSM"] = "samoa", ["YEM"] = "yemen", ["ZAF"] = "south-africa", ["ZFA"] = "south-africa",
        ["ZMB"] = "zambia", ["ZWE"] = "zimbabwe",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The page of <paramref name="country"/>'s statement in <paramref name="session"/>, or null when there is none to link.</summary>
    public static string? Url(string country, int session) =>
        session >= FirstSession && s_countries.TryGetValue(country, out var name)
            ? string.Create(CultureInfo.InvariantCulture, $"{Site}{session}/{name}")
            : null;
}
