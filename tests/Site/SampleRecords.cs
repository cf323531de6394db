using HafizaIzmir.Archive.Domain;
using Record = HafizaIzmir.Archive.Domain.Record;

namespace HafizaIzmir.Tests.Site;

/// <summary>A small fonds with records in every workflow state, for the site tests.</summary>
public static class SampleRecords
{
    public static Record Make(string identifier, Level level, string title, string? parent = null,
        WorkflowState state = WorkflowState.Published, string? date = null) => new()
        {
            Identifier = identifier,
            Level = level,
            Parent = parent,
            Title = new LocalizedText(title),
            Date = date is null ? null : EdtfDate.Parse(date),
            State = state,
            Rights = "http://rightsstatements.org/vocab/InC/1.0/",
        };

    public static readonly Record Fonds = Make("SRR", Level.Fonds, "Şerif Remzi Reyent Fonu", date: "1890/1957");
    public static readonly Record Letter = Make("SRR-0001", Level.Item, "İncir ihracatına dair mektup", "SRR", date: "1923-05-12") with
    {
        Description = new LocalizedText("Kordon'daki yazıhaneden <gönderilmiş> bir mektup."),
        Authorities = [new AuthorityLink("kisi-serif-remzi-reyent", AuthorityKind.Person, "creator")],
        Genre = "mektup",
        Type = EuropeanaType.Text,
        CreatedBy = "katalogcu",
    };
    public static readonly Record Draft = Make("SRR-0002", Level.Item, "Taslak konşimento", "SRR", WorkflowState.Draft);
    public static readonly Record InReview = Make("SRR-0003", Level.Item, "İncelemedeki fatura", "SRR", WorkflowState.InReview);
    public static readonly Record Withdrawn = Make("SRR-0004", Level.Item, "Geri çekilmiş kartpostal", "SRR", WorkflowState.Withdrawn);

    public static readonly Person Reyent = new() { Id = "kisi-serif-remzi-reyent", Name = "Şerif Remzi Reyent", Dates = EdtfDate.Parse("1890/1957") };
}
