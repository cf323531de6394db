using System.Text.Json;
using System.Text.Json.Serialization;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using Microsoft.AspNetCore.Identity;

namespace HafizaIzmir.Site.Accounts;

[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role { Student, Cataloguer, Admin }

/// <summary>A person who may sign in to the catalogue. Only the password's hash is ever stored.</summary>
public sealed record Account(string Name, Role Role, string PasswordHash, DateTimeOffset CreatedAt);

public sealed class AccountExistsException(string name) : Exception($"an account named '{name}' already exists");

/// <summary>
/// Accounts kept in the blob store (so every replica sees the same ones) as <c>accounts/{slug}.json</c>,
/// where the slug is the Turkish-folded name: "Şükrü" and "sukru" are the same account.
/// </summary>
public sealed class AccountStore(IBlobStore store, TimeProvider? clock = null)
{
    public const int MinimumPasswordLength = 10;
    public const string Prefix = "accounts/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly PasswordHasher<Account> _hasher = new();

    public static string Key(string name) => $"{Prefix}{TurkishText.Slug(name)}.json";

    public static string? ValidateName(string name) =>
        TurkishText.Slug(name).Length == 0 ? "the name must contain letters or digits" : null;

    public static string? ValidatePassword(string password) =>
        password.Length < MinimumPasswordLength ? $"the password must be at least {MinimumPasswordLength} characters long" : null;

    /// <summary>Creates the account; throws <see cref="AccountExistsException"/> when the name is taken.</summary>
    public async Task<Account> CreateAsync(string name, Role role, string password, CancellationToken ct = default)
    {
        name = name.Trim();
        if (ValidateName(name) is { } nameError) throw new ArgumentException(nameError, nameof(name));
        if (ValidatePassword(password) is { } passwordError) throw new ArgumentException(passwordError, nameof(password));

        var unhashed = new Account(name, role, "", (clock ?? TimeProvider.System).GetUtcNow());
        var account = unhashed with { PasswordHash = _hasher.HashPassword(unhashed, password) };
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(account, Json));
        try
        {
            // If-absent is the whole uniqueness check: two admins adding the same name at once get one account.
            await store.PutAsync(Key(name), content, BlobCondition.IfAbsent, ct);
        }
        catch (BlobConditionFailedException)
        {
            throw new AccountExistsException(name);
        }
        return account;
    }

    public async Task<Account?> FindAsync(string name, CancellationToken ct = default)
    {
        if (ValidateName(name) is not null) return null;
        var blob = await store.GetAsync(Key(name), ct);
        return blob is null ? null : JsonSerializer.Deserialize<Account>(blob.Bytes, Json);
    }

    /// <summary>The account when the password is right; null for an unknown name or a wrong password.</summary>
    public async Task<Account?> VerifyPasswordAsync(string name, string password, CancellationToken ct = default)
    {
        var account = await FindAsync(name, ct);
        if (account is null) return null;
        var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        return result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded ? account : null;
    }
}
