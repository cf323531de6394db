namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>POST /katalog/dil</c>: the header's language switch. It keeps the choice in a cookie for the cataloguing
/// UI only and goes back to the page it was sent from, which must be a page of the cataloguing UI: any other
/// address is refused, so the switch cannot be used to send someone elsewhere.
/// </summary>
public static class KatalogLanguage
{
    public const string SwitchPath = "/katalog/dil";

    public static void MapKatalogLanguage(this WebApplication app)
    {
        // Every cataloguing request answers in the cookie's language; the public site has its own, by address.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/katalog")) KatalogText.Current = KatalogText.Of(context.Request);
            await next();
        });

        app.MapPost(SwitchPath, (HttpContext context, IFormCollection form) =>
        {
            var code = form["dil"].ToString();
            var back = form["returnUrl"].ToString();
            if (code != KatalogText.Turkish.Code && code != KatalogText.English.Code)
                return KatalogOutcome.Message(context, KatalogText.T("Language_Refused_Title"), KatalogText.T("Language_Unknown"), StatusCodes.Status400BadRequest);
            if (SignInPage.SafeReturnUrl(back) != back)
                return KatalogOutcome.Message(context, KatalogText.T("Language_Refused_Title"), KatalogText.T("Language_ForeignReturn"), StatusCodes.Status400BadRequest);
            context.Response.Cookies.Append(KatalogText.CookieName, code, new CookieOptions
            {
                Path = "/katalog",
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(365),
            });
            return Results.LocalRedirect(back);
        });
    }

    /// <summary>The header's switch to the other language, returning to this page.</summary>
    public static string Switch(HttpContext context)
    {
        var other = KatalogText.Current.IsEnglish ? KatalogText.Turkish : KatalogText.English;
        var here = (context.Request.Path + context.Request.QueryString).ToString();
        // A page answering a form (a refusal, a conflict) has no address of its own to come back to: the form's page has.
        if (!HttpMethods.IsGet(context.Request.Method) && Uri.TryCreate(context.Request.Headers.Referer, UriKind.Absolute, out var from)
            && from.Authority == context.Request.Host.Value)
            here = from.PathAndQuery;
        here = SignInPage.SafeReturnUrl(here);
        // Each language's name is written in that language, so whoever cannot read the current one still finds theirs.
        var name = other.IsEnglish ? "English" : "Türkçe";
        return $"<form method=\"post\" action=\"{SwitchPath}\" class=\"language\" aria-label=\"{KatalogPage.H(KatalogText.T("Language_Label"))}\">"
            + KatalogPage.Token(context)
            + $"<input type=\"hidden\" name=\"returnUrl\" value=\"{KatalogPage.H(here)}\">"
            + $"<input type=\"hidden\" name=\"dil\" value=\"{other.Code}\"><input type=\"submit\" value=\"{name}\" lang=\"{other.Code}\"></form>";
    }
}
