using System.Globalization;
using HafizaIzmir.Archive.Text;
using static HafizaIzmir.Bench.Import.NamePools;

namespace HafizaIzmir.Bench.Import;

/// <summary>One generated authority: the columns of its CSV row plus every form a record may name it by.</summary>
public sealed record GeneratedAuthority(string Kind, string Name, IReadOnlyList<string> Forms, string[] Row);

/// <summary>
/// Invents authorities whose names and variants are unique per kind after Turkish folding, as the contract
/// requires, so every name a generated record uses resolves to exactly one of them.
/// </summary>
public sealed class AuthorityGenerator(Random random)
{
    public static readonly string[] Header =
        ["kind", "name", "variants", "dates", "subtype", "description", "description_en", "lat", "long", "part_of", "relations", "wikidata", "viaf", "geonames"];

    private readonly Dictionary<string, HashSet<string>> taken = new() { ["person"] = [], ["institution"] = [], ["place"] = [] };

    public List<GeneratedAuthority> Generate(int count)
    {
        var places = Places(count / 5);
        var institutions = Institutions(count / 5, places);
        var persons = Persons(count - places.Count - institutions.Count, places, institutions);
        return [.. places, .. institutions, .. persons];
    }

    private List<GeneratedAuthority> Places(int count)
    {
        var list = new List<GeneratedAuthority>();
        Add(list, "place", "İzmir", ["Smyrna|../1930"], "", "şehir", "Liman şehri.", "38.4192", "27.1287", "", "");
        foreach (var district in Districts.Take(Math.Max(1, Math.Min(Districts.Length, count / 10))))
            Add(list, "place", district, [$"{district} Mahallesi"], "", "semt", $"{district} semti.", Lat(), Long(), "İzmir", "");
        var districts = list.Skip(1).Select(p => p.Name).ToArray();
        while (list.Count < count)
        {
            var subtype = Pick(PlaceSubtypes);
            var word = Pick(PlaceWords);
            var name = subtype switch
            {
                "sokak" => $"{word} Sokağı",
                "cadde" => $"{word} Caddesi",
                "han" => $"{Pick(Surnames)} Hanı",
                "rıhtım" => $"{word} Rıhtımı",
                "iskele" => $"{word} İskelesi",
                "çarşı" => $"{word} Çarşısı",
                _ => $"{Pick(Surnames)} {word} Binası",
            };
            var district = Pick(districts);
            Add(list, "place", $"{name} ({district})", [$"Eski {name} ({district})|../1930", $"{district} semtinde {name}"], "", subtype,
                $"{district} semtinde {subtype}.", Lat(), Long(), district, "");
        }
        return list;
    }

    private List<GeneratedAuthority> Institutions(int count, List<GeneratedAuthority> places)
    {
        var list = new List<GeneratedAuthority>();
        while (list.Count < count)
        {
            var subtype = Pick(InstitutionSubtypes);
            var surname = Pick(Surnames);
            var name = subtype switch
            {
                "firma" => $"{surname} ve Şürekâsı",
                "gemi" => $"Vapur {Pick(PlaceWords)}{TurkishText.ToLower(Pick(PlaceWords))}",
                "okul" => $"{Pick(Districts)} {Pick(PlaceWords)} Mektebi",
                "banka" => $"{Pick(FirmWords)} Bankası {Pick(Districts)} Şubesi",
                _ => $"{Pick(FirmWords)} {surname} {subtype switch { "dernek" => "Derneği", "acente" => "Acentası", "matbaa" => "Matbaası", _ => "İdaresi" }}",
            };
            var founded = random.Next(1860, 1940);
            Add(list, "institution", name, [$"{name} A.Ş.|1934/..", $"{surname} {Pick(FirmWords)} Ticarethanesi|../1934"],
                $"{founded}/{founded + random.Next(5, 60)}", subtype, $"{subtype} (uydurma).", "", "", "", $"located_at:{Pick(places).Name}");
        }
        return list;
    }

    private List<GeneratedAuthority> Persons(int count, List<GeneratedAuthority> places, List<GeneratedAuthority> institutions)
    {
        var list = new List<GeneratedAuthority>();
        while (list.Count < count)
        {
            var first = Pick(FirstNames);
            var second = random.Next(3) == 0 ? " " + Pick(FirstNames) : "";
            var surname = Pick(Surnames);
            var born = random.Next(1830, 1935);
            var relations = $"born_in:{Pick(places).Name}|{born};lived_in:{Pick(places).Name};worked_for:{Pick(institutions).Name}|{born + 20}/{born + 40}";
            Add(list, "person", $"{first}{second} {surname}", [$"{surname}zade {first}{second} Efendi|../1934", $"{surname}, {first}{second}"],
                $"{born}/{born + random.Next(25, 95)}", Pick(Occupations), "Uydurma kişi.", "", "", "", relations);
        }
        return list;
    }

    private int attempts;

    private void Add(List<GeneratedAuthority> list, string kind, string name, string[] variants, string dates, string subtype,
        string description, string lat, string lon, string partOf, string relations)
    {
        if (++attempts > 1_000_000) throw new InvalidOperationException("name pools are too small for this many unique authorities");
        if (!taken[kind].Add(TurkishText.Fold(name))) return; // a clash is simply redrawn by the caller's loop
        var kept = variants.Where(v => taken[kind].Add(TurkishText.Fold(v.Split('|')[0]))).ToList();
        var forms = new List<string> { name };
        forms.AddRange(kept.Select(v => v.Split('|')[0]));
        list.Add(new GeneratedAuthority(kind, name, forms,
            [kind, name, string.Join(';', kept), dates, subtype, description, kind == "person" ? "Invented person." : "", lat, lon, partOf, relations, "", "", ""]));
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    private string Lat() => (38.40 + random.NextDouble() * 0.06).ToString("F5", CultureInfo.InvariantCulture);
    private string Long() => (27.12 + random.NextDouble() * 0.04).ToString("F5", CultureInfo.InvariantCulture);
}
