namespace HafizaIzmir.Bench.Import;

/// <summary>Word pools for invented but plausible names and texts of a port city's commercial archive.</summary>
public static class NamePools
{
    public static readonly string[] FirstNames =
    [
        "Ahmet", "Mehmet", "Mustafa", "Hüseyin", "Hasan", "İsmail", "İbrahim", "Osman", "Ali", "Halil", "Süleyman", "Şükrü",
        "Rıfat", "Nuri", "Faik", "Kâzım", "Şerif", "Remzi", "Cemal", "Celal", "Ziya", "Necati", "Sabri", "Ragıp", "Tevfik",
        "Emine", "Fatma", "Ayşe", "Hatice", "Zehra", "Nazlı", "Şükran", "Müzeyyen", "Nigâr", "Güzin", "Saadet", "Belkıs",
        "Dimitrios", "Yorgos", "Nikolaos", "Eleni", "Katina", "Stavros", "Hagop", "Garabed", "Arşak", "Takuhi", "Nesim",
        "Avram", "Rebeka", "Moiz", "Jean", "Louis", "Marie", "Giuseppe", "Arthur", "Edward", "Henry", "Mary", "Alfred",
    ];

    public static readonly string[] Surnames =
    [
        "Karaca", "Tezcan", "Sezer", "Deniz", "Uğurlu", "Ertem", "Behar", "Yılmaz", "Kaya", "Demir", "Çelik", "Şahin", "Öztürk",
        "Aydın", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özdemir", "Şimşek", "Polat", "Erdoğan",
        "Güneş", "Yıldız", "Akın", "Bayraktar", "Ergüven", "Gökçe", "Ilgaz", "Işıklar", "Sarıoğlu", "Tanrıöver", "Üstün", "Zorlu",
        "Papadopoulos", "Kalogeropoulos", "Georgiou", "Anastasiadis", "Kazancıyan", "Balyan", "Dadyan", "Algazi", "Franco",
        "Giraud", "Whittall", "Rees", "Charnaud", "Forbes", "Paterson", "Lafontaine", "Pagy", "Biliotti", "Alyoti", "Missirli",
    ];

    public static readonly string[] Occupations =
    [
        "tüccar", "kâtip", "fotoğrafçı", "kaptan", "komisyoncu", "hamal", "öğretmen", "banka memuru", "gümrük memuru",
        "çiftçi", "mimar", "doktor", "eczacı", "matbaacı", "terzi", "avukat", "muhasebeci", "tercüman",
    ];

    public static readonly string[] FirmWords =
    [
        "İncir", "Üzüm", "Palamut", "Tütün", "Pamuk", "Zeytinyağı", "Halı", "Meyan", "Afyon", "Kereste", "Kömür", "Un",
    ];

    public static readonly string[] InstitutionSubtypes = ["firma", "dernek", "okul", "resmi kurum", "gemi", "banka", "acente", "matbaa"];

    public static readonly string[] PlaceSubtypes = ["sokak", "cadde", "bina", "han", "rıhtım", "semt", "iskele", "çarşı"];

    public static readonly string[] PlaceWords =
    [
        "Gül", "Lale", "Zeytin", "Çınar", "İncir", "Kavak", "Ayva", "Nar", "Bahar", "Deniz", "Liman", "Vapur", "Fener", "Kule",
        "Saat", "Çeşme", "Hamam", "Değirmen", "Mektep", "Kervan", "Sarraf", "Bakırcı", "Kazancı", "Tuzcu", "Kantar", "Kemer",
    ];

    public static readonly string[] Districts =
    [
        "Alsancak", "Konak", "Karantina", "Kemeraltı", "Pasaport", "Basmane", "Karşıyaka", "Bornova", "Buca", "Göztepe",
        "Güzelyalı", "Tilkilik", "Namazgâh", "Eşrefpaşa", "Kadifekale", "Mersinli", "Bayraklı", "Hatay", "Üçkuyular", "Kahramanlar",
    ];

    public static readonly string[] Genres = ["mektup", "fatura", "konşimento", "fotoğraf", "kartpostal", "senet", "defter", "telgraf", "gazete kupürü", "harita"];

    public static readonly string[] Sentences =
    [
        "İncir sandıkları Kordon'daki depoda ayıklanıp mühürlendi.",
        "Vapur limana iki gün gecikmeyle yanaştı; yükleme gece de sürdü.",
        "Kuru üzüm fiyatları borsada geçen haftaya göre düştü.",
        "Kâtip, konşimentoların üç nüsha hazırlandığını deftere kaydetti.",
        "Aydın'dan gelen kervan mal getirdi; mahsul bu sene iyi.",
        "Şirket, Marsilya'daki alıcıya numune gönderilmesini istedi.",
        "Gümrükte ihracat beyannamesi tasdik edildi ve resim ödendi.",
        "Mektubun altında el yazısıyla düşülmüş bir not var.",
        "Fotoğrafın arkasında stüdyonun kabartma damgası görülüyor.",
        "Rıhtımda hamallar sandıkları mavnalara taşıyor.",
        "Kâğıt yer yer yırtık ve lekeli; bazı satırlar okunamıyor.",
        "Fatura Fransızca basılmış, rakamlar Türkçe yazılmış.",
        "Liman idaresi yeni iskele ücretlerini ilan etti.",
        "Ortaklar sezon sonunda hesapları bankada kapattı.",
        "Zarfın üzerinde Pire ve İzmir postane damgaları var.",
        "İhracat için ayrılan malın bir kısmı nem yüzünden geri çevrildi.",
    ];
}
