namespace HafizaIzmir.Tests.Search;

/// <summary>
/// Queries over <see cref="TestCorpus"/> with graded relevance, judged by what the searcher means:
/// 3 exactly what was asked for, 2 clearly relevant, 1 marginal, anything unlisted 0.
/// </summary>
public static class JudgedQueries
{
    private static readonly Dictionary<string, int> Kordon = new()
    {
        ["SRR-0004"] = 3,
        ["SRR-0010"] = 3,
        ["GZT-0011"] = 2,
        ["GZT-0003"] = 2,
        ["LIM-0001"] = 2,
        ["LIM-0011"] = 2,
        ["SRR-0001"] = 2,
        ["SRR-0009"] = 2,
        ["LIM-0012"] = 2,
        ["LIM-0004"] = 2,
        ["LIM-S01"] = 1,
        ["SRR-0014"] = 1,
        ["LIM-0013"] = 1,
        ["LIM"] = 1,
    };
    private static readonly Dictionary<string, int> Ports = new()
    {
        ["LIM-0003"] = 3,
        ["GZT-0012"] = 3,
        ["LIM"] = 3,
        ["LIM-0004"] = 3,
        ["LIM-0008"] = 3,
        ["LIM-0009"] = 3,
        ["LIM-0016"] = 3,
        ["GZT-0013"] = 3,
        ["LIM-0012"] = 2,
        ["SRR-0003"] = 1,
        ["GZT-0001"] = 1,
        ["SRR-0007"] = 1,
        ["LIM-0007"] = 1,
        ["KTZ-0005"] = 1,
    };
    private static readonly Dictionary<string, int> SerifRemzi = new()
    {
        ["SRR"] = 3,
        ["SRR-0005"] = 3,
        ["SRR-0006"] = 3,
        ["SRR-0001"] = 2,
        ["SRR-S01"] = 2,
        ["SRR-S02"] = 2,
        ["SRR-0007"] = 2,
        ["SRR-0008"] = 2,
        ["SRR-0009"] = 2,
        ["SRR-0012"] = 2,
    };
    private static readonly Dictionary<string, int> Han = new() { ["KTZ-0004"] = 3, ["KTZ-0009"] = 3, ["KTZ-0001"] = 3 };
    private static readonly Dictionary<string, int> Clerk = new()
    {
        ["KTZ-0005"] = 3,
        ["GZT-0018"] = 3,
        ["LIM-0007"] = 3,
        ["KTZ"] = 1,
        ["KTZ-0002"] = 1,
    };
    private static readonly Dictionary<string, int> Sukru = new()
    {
        ["KTZ-0006"] = 3,
        ["KTZ-0002"] = 3,
        ["KTZ-0001"] = 3,
        ["KTZ-0008"] = 3,
        ["KTZ"] = 3,
        ["KTZ-0003"] = 2,
        ["KTZ-0005"] = 2,
    };
    private static readonly Dictionary<string, int> FrankStreet = new() { ["LIM-0014"] = 3, ["LIM-0015"] = 3, ["LIM-0013"] = 2 };
    private static readonly Dictionary<string, int> Fire1922 = new()
    {
        ["SRR-0009"] = 3,
        ["SRR-0010"] = 3,
        ["LIM-0012"] = 3,
        ["LIM-0013"] = 2,
        ["KTZ-0006"] = 1,
        ["GZT-0015"] = 1,
    };
    private static readonly Dictionary<string, int> Fig = new()
    {
        ["SRR-0001"] = 3,
        ["SRR-0002"] = 3,
        ["SRR-0003"] = 3,
        ["SRR-0004"] = 3,
        ["SRR-0011"] = 3,
        ["SRR-0013"] = 3,
        ["GZT-0001"] = 3,
        ["SRR-0012"] = 2,
        ["SRR-0008"] = 2,
        ["SRR"] = 2,
    };
    private static readonly Dictionary<string, int> Tobacco = new() { ["KTZ-0002"] = 3, ["GZT-0009"] = 3, ["KTZ"] = 2 };
    private static readonly Dictionary<string, int> Carpet = new() { ["KTZ-0003"] = 3, ["KTZ-0007"] = 3, ["KTZ-0010"] = 3, ["KTZ"] = 2 };
    private static readonly Dictionary<string, int> Porters = new() { ["SRR-0004"] = 3, ["LIM-0006"] = 3, ["LIM-0010"] = 3, ["LIM-0005"] = 2 };
    private static readonly Dictionary<string, int> Reyent = new()
    {
        ["SRR-0014"] = 3,
        ["SRR-0006"] = 3,
        ["SRR"] = 2,
        ["SRR-S01"] = 2,
        ["SRR-0001"] = 2,
        ["SRR-0002"] = 2,
        ["SRR-0003"] = 2,
        ["SRR-0008"] = 2,
        ["SRR-0009"] = 2,
    };
    private static readonly Dictionary<string, int> Kostaki = new() { ["GZT-0011"] = 3, ["SRR-0005"] = 2, ["SRR-0010"] = 2 };
    private static readonly Dictionary<string, int> Arditi = new() { ["GZT-0007"] = 3 };
    private static readonly Dictionary<string, int> Marseille = new() { ["SRR-0001"] = 3, ["SRR-0003"] = 3, ["SRR-0012"] = 3 };
    private static readonly Dictionary<string, int> Year1923 = new()
    {
        ["SRR-0001"] = 3,
        ["SRR-0003"] = 3,
        ["GZT-0001"] = 3,
        ["GZT-0002"] = 3,
        ["LIM-0013"] = 3,
        ["KTZ-0003"] = 2,
        ["GZT-0008"] = 2,
        ["KTZ-0004"] = 2,
        ["SRR-S01"] = 1,
        ["SRR"] = 1,
        ["LIM"] = 1,
        ["GZT"] = 1,
        ["KTZ"] = 1,
    };
    private static readonly Dictionary<string, int> Twenties = new[]
    {
        "SRR-0001", "SRR-0002", "SRR-0003", "SRR-0004", "SRR-0006", "SRR-0007", "SRR-0008", "SRR-0009", "SRR-0010", "SRR-0012", "SRR-0013",
        "KTZ-0003", "KTZ-0004", "KTZ-0007", "KTZ-0010", "GZT-0001", "GZT-0002", "GZT-0005", "GZT-0007", "GZT-0010", "GZT-0012",
        "GZT-0013", "GZT-0014", "GZT-0017", "GZT-0018", "LIM-0012", "LIM-0013",
    }.ToDictionary(id => id, _ => 2);
    private static readonly Dictionary<string, int> Years1908To1912 = new[]
    {
        "LIM-0006", "LIM-0010", "KTZ-0005", "LIM-0003", "LIM-0014", "KTZ-0001", "SRR-0011", "LIM-0005", "KTZ-0008", "LIM-0015",
    }.ToDictionary(id => id, _ => 2);
    private static readonly Dictionary<string, int> Fire = new()
    {
        ["SRR-0009"] = 3,
        ["SRR-0010"] = 3,
        ["LIM-0012"] = 3,
        ["LIM-0013"] = 3,
        ["GZT-0015"] = 3,
        ["KTZ-0006"] = 3,
    };
    private static readonly Dictionary<string, int> Quay = new()
    {
        ["LIM-S01"] = 3,
        ["LIM-0001"] = 3,
        ["LIM-0002"] = 3,
        ["LIM-0011"] = 3,
        ["SRR-0004"] = 2,
        ["GZT-0013"] = 2,
        ["LIM"] = 1,
    };
    private static readonly Dictionary<string, int> Customs = new()
    {
        ["KTZ-0005"] = 3,
        ["LIM-0006"] = 3,
        ["LIM-0007"] = 3,
        ["LIM-S02"] = 3,
        ["LIM-0010"] = 2,
        ["GZT-0018"] = 2,
        ["LIM"] = 1,
    };

    public static readonly IReadOnlyList<(string Query, IReadOnlyDictionary<string, int> Grades)> All =
    [
        ("Kordon'daki", Kordon),
        ("Kordon", Kordon),
        ("KORDON", Kordon),
        ("limanlar", Ports),
        ("liman", Ports),
        ("IZMIR", new Dictionary<string, int>
        {
            ["LIM-0004"] = 3, ["GZT-0004"] = 3, ["LIM"] = 3, ["GZT-0008"] = 2, ["GZT-0002"] = 2, ["GZT-0012"] = 2, ["LIM-0003"] = 2,
            ["SRR-0003"] = 2, ["GZT-0001"] = 1, ["LIM-0012"] = 1, ["SRR"] = 1, ["GZT"] = 1,
        }),
        ("serif remzi", SerifRemzi),
        ("Şerif Remzi Reyent", SerifRemzi),
        ("kizlaragasi hani", Han),
        ("Kızlarağası Hanı", Han),
        ("KIZLARAGASI HANI", Han),
        ("katip", Clerk),
        ("kâtip", Clerk),
        ("sukru", Sukru),
        ("Şükrü Kâtipzade", Sukru),
        ("Frenk Caddesi", FrankStreet),
        ("rue franque", FrankStreet),
        ("Cumhuriyet Bulvarı", FrankStreet),
        ("Punta", new Dictionary<string, int> { ["SRR-0011"] = 3, ["LIM-0008"] = 2, ["LIM-0009"] = 2, ["SRR-0010"] = 2 }),
        ("Cordelio", new Dictionary<string, int> { ["GZT-0006"] = 3, ["GZT-0005"] = 3 }),
        ("1923", Year1923),
        ("1922 yangını", Fire1922),
        ("fire 1922", Fire1922),
        ("1920'ler", Twenties),
        ("1920'lerde incir", new Dictionary<string, int>
        {
            ["SRR-0001"] = 3, ["SRR-0002"] = 3, ["SRR-0003"] = 3, ["SRR-0004"] = 3, ["SRR-0012"] = 3, ["SRR-0013"] = 3, ["GZT-0001"] = 3,
            ["SRR-0008"] = 2, ["SRR-0011"] = 1, ["SRR"] = 1,
        }),
        ("1908-1912", Years1908To1912),
        ("\"incir sandıkları\"", new Dictionary<string, int> { ["SRR-0001"] = 3, ["SRR-0004"] = 3, ["SRR-0003"] = 2 }),
        ("\"gümrük binası\"", new Dictionary<string, int> { ["LIM-0006"] = 3, ["LIM-0010"] = 1, ["LIM-0007"] = 1 }),
        ("fig merchant", new Dictionary<string, int>
        {
            ["SRR"] = 3, ["SRR-0008"] = 2, ["SRR-0001"] = 2, ["SRR-0002"] = 2, ["SRR-0003"] = 2, ["GZT-0001"] = 2,
        }),
        ("bill of lading", new Dictionary<string, int> { ["SRR-0003"] = 3 }),
        ("customs receipt", new Dictionary<string, int> { ["KTZ-0005"] = 3, ["LIM-S02"] = 2, ["LIM-0007"] = 1 }),
        ("porters strike", new Dictionary<string, int> { ["LIM-0010"] = 3, ["LIM-0006"] = 1, ["SRR-0004"] = 1 }),
        ("carpet export", new Dictionary<string, int> { ["KTZ-0003"] = 3, ["KTZ-0010"] = 3, ["KTZ-0007"] = 1 }),
        ("ships in the harbour", new Dictionary<string, int> { ["LIM-0004"] = 3, ["LIM-0012"] = 3, ["LIM-0016"] = 2 }),
        ("ferry timetable", new Dictionary<string, int> { ["GZT-0005"] = 3 }),
        ("incir", Fig),
        ("incirler", Fig),
        ("incirr", Fig),
        ("üzüm", new Dictionary<string, int> { ["SRR-0007"] = 3, ["GZT-0014"] = 3, ["SRR-0002"] = 2 }),
        ("uzum ihracati", new Dictionary<string, int> { ["GZT-0014"] = 3, ["SRR-0002"] = 3, ["SRR-0007"] = 1 }),
        ("tütün", Tobacco),
        ("tutun", Tobacco),
        ("halı", Carpet),
        ("hali", Carpet),
        ("hamallar", Porters),
        ("hamal", Porters),
        ("Osman Nuri", new Dictionary<string, int> { ["LIM-0006"] = 3, ["LIM-0010"] = 3, ["SRR-0004"] = 3 }),
        ("Reyent & Co.", Reyent),
        ("Oriental Carpet Manufacturers", new Dictionary<string, int> { ["KTZ-0003"] = 3, ["KTZ-0007"] = 3, ["KTZ-0010"] = 3 }),
        ("Eleni Kostaki", Kostaki),
        ("Helen Costaki", Kostaki),
        ("Kemeraltı yangını", new Dictionary<string, int> { ["GZT-0015"] = 3, ["KTZ-0006"] = 3 }),
        ("yangın", Fire),
        ("Havra Sokağı", Arditi),
        ("Rue des Synagogues", Arditi),
        ("Jak Arditi kumaş", Arditi),
        ("Pasaport iskelesi", new Dictionary<string, int> { ["LIM-0005"] = 3, ["GZT-0005"] = 2 }),
        ("vapur", new Dictionary<string, int> { ["GZT-0005"] = 3, ["SRR-0003"] = 3, ["LIM-0005"] = 2 }),
        ("SS Anatolia", new Dictionary<string, int> { ["SRR-0003"] = 3 }),
        ("Marsilya", Marseille),
        ("Marseille", Marseille),
        ("İktisat Kongresi 1923", new Dictionary<string, int> { ["GZT-0002"] = 3 }),
        ("rıhtım inşaatı", new Dictionary<string, int> { ["LIM-S01"] = 3, ["LIM-0001"] = 3, ["LIM-0002"] = 2, ["LIM-0011"] = 1 }),
        ("rihtim", Quay),
        ("fuar afişi", new Dictionary<string, int> { ["GZT-0004"] = 3 }),
        ("kadın işçiler", new Dictionary<string, int> { ["GZT-0009"] = 3, ["SRR-0011"] = 3, ["KTZ-0007"] = 2 }),
        ("Mari Baltazzi mektupları", new Dictionary<string, int> { ["GZT-0008"] = 3 }),
        ("Levanten", new Dictionary<string, int> { ["LIM-0014"] = 3, ["LIM-0015"] = 3, ["GZT-0006"] = 3, ["GZT-0008"] = 1 }),
        ("gümrük", Customs),
        ("Izmir limaninda gemiler", new Dictionary<string, int> { ["LIM-0004"] = 3, ["LIM-0012"] = 2, ["LIM-0016"] = 1 }),
    ];
}
