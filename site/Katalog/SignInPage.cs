using System.Security.Claims;
using HafizaIzmir.Site.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary><c>/katalog/giris</c> (sign in) and <c>/katalog/cikis</c> (sign out).</summary>
public static class SignInPage
{
    public static void MapSignIn(this WebApplication app)
    {
        app.MapGet(KatalogServices.SignInPath, (HttpContext context, string? returnUrl, string? lang) =>
            Form(context, lang == "en", SafeReturnUrl(returnUrl), "", null, StatusCodes.Status200OK));

        app.MapPost(KatalogServices.SignInPath, async (HttpContext context, IFormCollection form, AccountStore accounts, CancellationToken ct) =>
        {
            var english = form["lang"] == "en";
            var name = form["kullanici"].ToString().Trim();
            var returnUrl = SafeReturnUrl(form["returnUrl"]);
            var outcome = await accounts.SignInAsync(name, form["parola"].ToString(), ct);
            if (outcome.Account is not { } account)
            {
                // One message for unknown names and wrong passwords, so names cannot be probed.
                if (english) Current = English;
                var error = T(outcome.LockedOut ? "SignIn_LockedOut" : "SignIn_Wrong");
                return Form(context, english, returnUrl, name, error,
                    outcome.LockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status401Unauthorized);
            }
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(account.Name, KatalogServices.RoleName(account.Role)));
            return Results.LocalRedirect(returnUrl);
        });

        app.MapPost(KatalogServices.SignOutPath, async (HttpContext context, IFormCollection _) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(KatalogServices.SignInPath);
        }).RequireAuthorization(KatalogServices.Staff);
    }

    /// <summary>The cookie's identity: the account's name and role.</summary>
    public static ClaimsPrincipal Principal(string name, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
        CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Only paths inside the cataloguing UI: anything else (other hosts, "//evil") becomes the dashboard.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is not null && (url == "/katalog" || url.StartsWith("/katalog/", StringComparison.Ordinal) || url.StartsWith("/katalog?", StringComparison.Ordinal))
            && !url.Contains('\\') && !url.Any(char.IsControl)
            ? url
            : "/katalog";

    /// <param name="english">An address with <c>?lang=en</c> (a link for a colleague who reads no Turkish) shows the form in English, whatever the cookie says.</param>
    private static IResult Form(HttpContext context, bool english, string returnUrl, string name, string? error, int status)
    {
        if (english) Current = English;
        var body = $"<h1>{T("SignIn_Title")}</h1>"
            + (error is null ? "" : $"<p role=\"alert\" class=\"error\">{H(error)}</p>")
            + $"<form method=\"post\" action=\"{KatalogServices.SignInPath}\">"
            + Token(context)
            + $"<input type=\"hidden\" name=\"returnUrl\" value=\"{H(returnUrl)}\">"
            + (english ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
            + Field("kullanici", T("SignIn_Username"), name, extra: " autocomplete=\"username\" required autofocus")
            + Field("parola", T("SignIn_Password"), "", "password", " autocomplete=\"current-password\" required")
            // A submit button makes Enter in either field submit the form, without any script.
            + $"<p><button type=\"submit\">{T("SignIn_Submit")}</button></p></form>";
        return Render(context, T("SignIn_Title"), body, status);
    }
}
