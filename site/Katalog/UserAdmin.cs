using System.Text;
using HafizaIzmir.Site.Accounts;
using static HafizaIzmir.Site.Katalog.KatalogOutcome;
using static HafizaIzmir.Site.Katalog.KatalogPage;
using static HafizaIzmir.Site.Katalog.KatalogText;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// <c>/katalog/kullanicilar</c> (admins only): accounts, their roles, disabling and password resets. The archive
/// never loses its last enabled admin: a change that would leave none is refused, and one that raced another
/// admin's change into leaving none is undone.
/// </summary>
public static class UserAdmin
{
    public const string Root = "/katalog/kullanicilar";

    private static (string Value, string Label)[] RoleOptions =>
        [("student", T("Role_Student")), ("cataloguer", T("Role_Cataloguer")), ("admin", T("Role_Admin"))];

    public static string Url(string name) => Root + "/" + Uri.EscapeDataString(name);

    public static void MapUserAdmin(this WebApplication app)
    {
        var admins = app.MapGroup(Root).RequireAuthorization(KatalogServices.Admins);

        admins.MapGet("", async (HttpContext context, AccountStore accounts, string? durum, CancellationToken ct) =>
            Render(context, T("Users_Title"), await ListPage(context, accounts, durum, new Dictionary<string, string>(), null, ct)));

        admins.MapPost("/yeni", (HttpContext context, IFormCollection form, AccountStore accounts, CancellationToken ct) => Run(context, async () =>
        {
            var values = new Dictionary<string, string> { ["ad"] = form["ad"].ToString().Trim(), ["rol"] = form["rol"].ToString() };
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (AccountStore.ValidateName(values["ad"]) is not null) errors["ad"] = T("Users_BadName");
            var role = ParseRole(values["rol"]);
            if (role is null) errors["rol"] = T("Users_BadRole");
            PasswordErrors(form, errors);
            if (errors.Count == 0)
            {
                try
                {
                    await accounts.CreateAsync(values["ad"], role!.Value, form["parola"].ToString(), ct);
                    return Results.LocalRedirect(Root + "?durum=eklendi");
                }
                catch (AccountExistsException)
                {
                    errors["ad"] = T("Users_Exists", values["ad"]);
                }
            }
            return Render(context, T("Users_Title"), await ListPage(context, accounts, null, values, errors, ct), StatusCodes.Status400BadRequest);
        }));

        admins.MapPost("/{name}/rol", (HttpContext context, string name, IFormCollection form, AccountStore accounts, CancellationToken ct) => Run(context, async () =>
        {
            var role = ParseRole(form["rol"].ToString()) ?? throw new ArgumentException(T("Users_BadRole"));
            await ChangeGuardedAsync(accounts, name, a => a with { Role = role }, ct);
            context.RequestServices.GetRequiredService<AccountRecheck>().Forget(name);
            return Results.LocalRedirect(Root + "?durum=rol");
        }));

        admins.MapPost("/{name}/durum", (HttpContext context, string name, IFormCollection form, AccountStore accounts, CancellationToken ct) => Run(context, async () =>
        {
            var enable = form["etkin"].ToString() switch
            {
                "evet" => true,
                "hayir" => false,
                _ => throw new ArgumentException(T("Users_BadEnabled")),
            };
            await ChangeGuardedAsync(accounts, name, a => a with { Disabled = !enable }, ct);
            context.RequestServices.GetRequiredService<AccountRecheck>().Forget(name);
            return Results.LocalRedirect(Root + (enable ? "?durum=etkin" : "?durum=devre-disi"));
        }));

        admins.MapPost("/{name}/parola", (HttpContext context, string name, IFormCollection form, AccountStore accounts, CancellationToken ct) => Run(context, async () =>
        {
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            PasswordErrors(form, errors);
            if (errors.Count > 0) throw new WorkflowRefusedException(string.Join(" ", errors.Values), forbidden: false);
            _ = await accounts.SetPasswordAsync(name, form["parola"].ToString(), ct) ?? throw new KeyNotFoundException(T("Users_NotFound", name));
            return Results.LocalRedirect(Root + "?durum=parola");
        }));
    }

    private static Role? ParseRole(string text) => text switch
    {
        "student" => Role.Student,
        "cataloguer" => Role.Cataloguer,
        "admin" => Role.Admin,
        _ => null,
    };

    private static void PasswordErrors(IFormCollection form, Dictionary<string, string> errors)
    {
        var password = form["parola"].ToString();
        if (AccountStore.ValidatePassword(password) is not null) errors["parola"] = T("Users_PasswordShort", AccountStore.MinimumPasswordLength);
        else if (password != form["parola2"].ToString()) errors["parola2"] = T("Users_PasswordMismatch");
    }

    private static bool IsActiveAdmin(Account a) => a is { Role: Role.Admin, Disabled: false };

    private static async Task<int> ActiveAdminsAsync(AccountStore accounts, CancellationToken ct)
    {
        var count = 0;
        await foreach (var a in accounts.ListAsync(ct)) if (IsActiveAdmin(a)) count++;
        return count;
    }

    private static async Task ChangeGuardedAsync(AccountStore accounts, string name, Func<Account, Account> change, CancellationToken ct)
    {
        var before = await accounts.FindAsync(name, ct) ?? throw new KeyNotFoundException(T("Users_NotFound", name));
        var removesAdmin = IsActiveAdmin(before) && !IsActiveAdmin(change(before));
        if (removesAdmin && await ActiveAdminsAsync(accounts, ct) <= 1)
            throw new WorkflowRefusedException(T("Users_LastAdmin"), forbidden: false);
        await accounts.UpdateAsync(name, change, ct);
        if (removesAdmin && await ActiveAdminsAsync(accounts, ct) == 0)
        {
            // Another admin was demoted at the same moment: put this one back rather than lock everyone out.
            await accounts.UpdateAsync(name, a => a with { Role = before.Role, Disabled = before.Disabled }, ct);
            throw new WorkflowRefusedException(T("Users_LastAdmin"), forbidden: false);
        }
    }

    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["eklendi"] = "Users_Done_Added",
        ["rol"] = "Users_Done_Role",
        ["etkin"] = "Users_Done_Enabled",
        ["devre-disi"] = "Users_Done_Disabled",
        ["parola"] = "Users_Done_Password",
    };

    private static async Task<string> ListPage(HttpContext context, AccountStore accounts, string? done, Dictionary<string, string> values, Dictionary<string, string>? errors, CancellationToken ct)
    {
        var list = new List<Account>();
        await foreach (var a in accounts.ListAsync(ct)) list.Add(a);
        var body = new StringBuilder($"<h1>{T("Users_Title")}</h1>");
        if (done is not null && Done.TryGetValue(done, out var message)) body.Append($"<p role=\"status\">{H(T(message))}</p>");
        body.Append($"<table><caption>{T("Users_Accounts")}</caption><thead><tr><th scope=\"col\">{T("Authority_Name")}</th><th scope=\"col\">{T("Users_Role")}</th><th scope=\"col\">{T("Record_State")}</th><th scope=\"col\">{T("Users_Created")}</th><th scope=\"col\">{T("Users_Actions")}</th></tr></thead><tbody>");
        foreach (var (a, i) in list.OrderBy(a => a.Name, Archive.Text.TurkishText.Alphabetical).Select((a, i) => (a, i)))
        {
            var url = H(Url(a.Name));
            var state = T(a.Disabled ? "Users_StateDisabled" : a.LockedUntil > DateTimeOffset.UtcNow ? "Users_StateLocked" : "Users_StateEnabled");
            body.Append($"<tr><td>{H(a.Name)}</td><td>{H(RoleOptions.First(r => r.Value == KatalogServices.RoleName(a.Role)).Label)}</td><td>{state}</td><td>{a.CreatedAt.UtcDateTime:yyyy-MM-dd}</td><td>")
                .Append($"<form method=\"post\" action=\"{url}/rol\">{Token(context)}<label for=\"rol-{i}\">{T("Users_Role")}</label> <select id=\"rol-{i}\" name=\"rol\">")
                .Append(string.Concat(RoleOptions.Select(r => $"<option value=\"{r.Value}\"{(r.Value == KatalogServices.RoleName(a.Role) ? " selected" : "")}>{r.Label}</option>")))
                .Append($"</select> <button type=\"submit\">{T("Users_ChangeRole")}</button></form>")
                .Append($"<form method=\"post\" action=\"{url}/durum\">{Token(context)}<input type=\"hidden\" name=\"etkin\" value=\"{(a.Disabled ? "evet" : "hayir")}\">")
                .Append($"<button type=\"submit\">{T(a.Disabled ? "Users_Enable" : "Users_Disable")}</button></form>")
                .Append($"<form method=\"post\" action=\"{url}/parola\">{Token(context)}")
                .Append($"<label for=\"parola-{i}\">{T("Users_NewPassword")}</label> <input id=\"parola-{i}\" name=\"parola\" type=\"password\" autocomplete=\"new-password\" minlength=\"{AccountStore.MinimumPasswordLength}\" required> ")
                .Append($"<label for=\"parola2-{i}\">{T("Users_Again")}</label> <input id=\"parola2-{i}\" name=\"parola2\" type=\"password\" autocomplete=\"new-password\" required> ")
                .Append($"<button type=\"submit\">{T("Users_ResetPassword")}</button></form></td></tr>");
        }
        body.Append("</tbody></table>");
        body.Append($"<h2 id=\"yeni-hesap\">{T("Users_NewAccount")}</h2>").Append(ErrorSummary(errors))
            .Append($"<form method=\"post\" action=\"{Root}/yeni\" aria-labelledby=\"yeni-hesap\">{Token(context)}")
            .Append(Field("ad", T("SignIn_Username"), values.GetValueOrDefault("ad"), extra: " required autocomplete=\"off\"", error: errors?.GetValueOrDefault("ad")))
            .Append(Select("rol", T("Users_Role"), RoleOptions, values.GetValueOrDefault("rol") ?? "student", errors?.GetValueOrDefault("rol")))
            .Append(Field("parola", T("Users_PasswordLabel", AccountStore.MinimumPasswordLength), "", "password", $" required minlength=\"{AccountStore.MinimumPasswordLength}\" autocomplete=\"new-password\"", errors?.GetValueOrDefault("parola")))
            .Append(Field("parola2", T("Users_PasswordAgain"), "", "password", " required autocomplete=\"new-password\"", errors?.GetValueOrDefault("parola2")))
            .Append($"<p><button type=\"submit\">{T("Users_Add")}</button></p></form>");
        return body.ToString();
    }
}
