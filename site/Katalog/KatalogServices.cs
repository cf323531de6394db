using System.Security.Claims;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace HafizaIzmir.Site.Katalog;

/// <summary>Sign-in, roles and antiforgery for the cataloguing UI under <c>/katalog</c>.</summary>
public static class KatalogServices
{
    /// <summary>Any signed-in account (students and up).</summary>
    public const string Staff = "katalog-staff";
    /// <summary>Reviewing, publishing, withdrawing.</summary>
    public const string Cataloguers = "katalog-cataloguers";
    public const string Admins = "katalog-admins";

    public const string SignInPath = "/katalog/giris";
    public const string SignOutPath = "/katalog/cikis";
    public const string CookieName = "hafiza-katalog";

    public static IServiceCollection AddKatalog(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("hafiza");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IBlobStore>((options, store) => options.XmlRepository = new BlobXmlRepository(store));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.Path = "/katalog";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = SignOutPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = AccountRecheck.ValidateAsync;
            // A signed-in account without the role gets a plain 403, not a redirect to a page that does not exist.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles(Role.Student, Role.Cataloguer, Role.Admin)))
            .AddPolicy(Cataloguers, p => p.RequireAuthenticatedUser().RequireRole(Roles(Role.Cataloguer, Role.Admin)))
            .AddPolicy(Admins, p => p.RequireAuthenticatedUser().RequireRole(Roles(Role.Admin)));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "hafiza-katalog-af";
            options.Cookie.Path = "/katalog";
            options.FormFieldName = "__af";
        });
        services.AddSingleton(sp => new AccountRecheck(sp.GetRequiredService<IBlobStore>(), TimeProvider.System));
        services.AddSingleton(sp => new RecordWorkflow(sp.GetRequiredService<Archive.Storage.Archive>()));
        return services;
    }

    /// <summary>The cataloguing endpoints, and the antiforgery check their forms rely on (it runs after sign-in is read).</summary>
    public static WebApplication MapKatalog(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapKatalogLanguage();
        app.MapSignIn();
        app.MapDashboard();
        app.MapRecordEditor();
        app.MapRecordPages();
        app.MapRecordHistory();
        app.MapRecordPreview();
        app.MapEuropeanaReadiness();
        app.MapKatalogApi();
        return app;
    }

    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    private static string[] Roles(params Role[] roles) => roles.Select(RoleName).ToArray();

    /// <summary>The signed-in account's name and role, from the cookie's claims.</summary>
    public static (string Name, Role Role) Who(ClaimsPrincipal user)
    {
        var name = user.Identity?.Name ?? throw new InvalidOperationException("not signed in");
        var role = Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role) ?? "", ignoreCase: true);
        return (name, role);
    }
}
