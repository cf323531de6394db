using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Site.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HafizaIzmir.Site.Katalog;

/// <summary>
/// Checks every signed-in request against the stored account, so a removed or disabled account is signed
/// out and a changed role applies at once rather than when the cookie expires. Accounts are read at most
/// once per <see cref="CacheFor"/> per name on this replica, which bounds both the lag and the blob reads.
/// </summary>
public sealed class AccountRecheck(IBlobStore store, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, string? Role)> _seen = new(StringComparer.Ordinal);

    /// <summary>The account's current role name, or null when it no longer exists or is disabled.</summary>
    public async Task<string?> CurrentRoleAsync(string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_seen.TryGetValue(name, out var seen) && now - seen.At < CacheFor) return seen.Role;
        var role = await ReadRoleAsync(name, ct);
        _seen[name] = (now, role);
        return role;
    }

    /// <summary>Forgets what was read about the account, e.g. right after its role changed on this replica.</summary>
    public void Forget(string name)
    {
        // Names are matched as the store matches them (Turkish-folded), so "Şükrü" forgets "sukru".
        var key = AccountStore.Key(name);
        foreach (var seen in _seen.Keys)
            if (AccountStore.Key(seen) == key) _seen.TryRemove(seen, out _);
    }

    private async Task<string?> ReadRoleAsync(string name, CancellationToken ct)
    {
        if (AccountStore.ValidateName(name) is not null) return null;
        var blob = await store.GetAsync(AccountStore.Key(name), ct);
        if (blob is null) return null;
        // Read as a document so an account flag this code does not model (such as "disabled") still counts.
        using var json = JsonDocument.Parse(blob.Bytes);
        var root = json.RootElement;
        if (root.TryGetProperty("disabled", out var disabled) && disabled.ValueKind == JsonValueKind.True) return null;
        if (!root.TryGetProperty("role", out var role)) return null;
        return role.ValueKind switch
        {
            JsonValueKind.Number when Enum.IsDefined(typeof(Role), role.GetInt32()) => KatalogServices.RoleName((Role)role.GetInt32()),
            JsonValueKind.String when Enum.TryParse<Role>(role.GetString(), ignoreCase: true, out var parsed) => KatalogServices.RoleName(parsed),
            _ => null,
        };
    }

    /// <summary>The cookie handler's hook: reject, or rebuild the principal with the stored role.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.Identity?.Name is not { } name)
        {
            context.RejectPrincipal();
            return;
        }
        var recheck = context.HttpContext.RequestServices.GetRequiredService<AccountRecheck>();
        var role = await recheck.CurrentRoleAsync(name, context.HttpContext.RequestAborted);
        if (role is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (context.Principal.FindFirstValue(ClaimTypes.Role) == role) return;
        context.ReplacePrincipal(SignInPage.Principal(name, role));
        context.ShouldRenew = true;
    }
}
