using HafizaIzmir.Archive.Domain;
using HafizaIzmir.Archive.Text;
using HafizaIzmir.Indexer.Hosting;
using HafizaIzmir.Indexer.Search;
using HafizaIzmir.Site.Public;
using Microsoft.AspNetCore.Mvc;

namespace HafizaIzmir.Site.Pages;

/// <summary><c>/eksen/{axis}</c>: one of the archive's three axes, with its published records, newest dates first.</summary>
public sealed class AxisModel(SearchIndexData index) : SitePage
{
    public const int Shown = 10;

    public string Code { get; private set; } = "";
    public SearchResult? Result { get; private set; }

    public IActionResult OnGet(string axis)
    {
        var folded = TurkishText.Fold(axis);
        var code = Vocabulary.Axes.Keys.FirstOrDefault(k => TurkishText.Fold(k) == folded);
        if (code is null) return NotFoundPage();
        Code = code;
        Title = T("axis_" + code);
        try
        {
            Result = index.Search(new SearchQuery { Axis = code, Sort = SearchSort.Date, Size = Shown });
        }
        catch (SearchIndexUnavailableException)
        {
            Result = null;
        }
        return Page();
    }

    public string SearchLink => Language.Path("/ara") + QueryString.Create("axis", Code).Value;
}
