using System.Text.Json;
using System.Text.Json.Serialization;
using HafizaIzmir.Archive.Storage;
using HafizaIzmir.Archive.Text;
using Microsoft.AspNetCore.Identity;

namespace HafizaIzmir.Site.Accounts;

[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role { Student, Cataloguer, Admin }

/// <summary>
/// A person who may sign in to the catalogue. Only the password's hash is ever stored. The failure count and
/// lock-out live in the same blob so every replica enforces the same lock-out.
/// </summary>
public sealed record Account(string Name, Role Role, string PasswordHash, DateTimeOffset CreatedAt,
    int FailedSignIns = 0, DateTimeOffset? LockedUntil = null, bool Disabled = false);

/// <summary>The outcome of a sign-in attempt: the account on success, else whether the account is locked out.</summary>
public sealed record SignInOutcome(Account? Account, bool LockedOut);

public sealed class AccountExistsException(string name) : Exception($"an account named '{name}' already exists");

/// <summary>
/// Accounts kept in the blob store (so every replica sees the same ones) as <c>accounts/{slug}.json</c>,
/// where the slug is the Turkish-folded name: "Şükrü" and "sukru" are the same account.
/// </summary>
public sealed class AccountStore(IBlobStore store, TimeProvider? clock = null)
{
    public const int MinimumPasswordLength = 10;
    public const string Prefix = "accounts/";
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockOutPeriod = TimeSpan.FromMinutes(15);

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

    public async IAsyncEnumerable<Account> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var blob in store.ListAsync(Prefix, ct))
            if (await store.GetAsync(blob.Key, ct) is { } content && JsonSerializer.Deserialize<Account>(content.Bytes, Json) is { } account)
                yield return account;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the stored account with an ETag-conditional write, retrying when a
    /// sign-in updated it meanwhile; null when there is no such account.
    /// </summary>
    public async Task<Account?> UpdateAsync(string name, Func<Account, Account> change, CancellationToken ct = default)
    {
        if (ValidateName(name) is not null) return null;
        for (var attempt = 0; ; attempt++)
        {
            var blob = await store.GetAsync(Key(name), ct);
            if (blob is null) return null;
            var updated = change(JsonSerializer.Deserialize<Account>(blob.Bytes, Json)!);
            try
            {
                using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(updated, Json));
                await store.PutAsync(Key(name), content, BlobCondition.IfMatch(blob.ETag), ct);
                return updated;
            }
            catch (BlobConditionFailedException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Sets a new password (checked against the policy) and lifts any lock-out.</summary>
    public Task<Account?> SetPasswordAsync(string name, string password, CancellationToken ct = default)
    {
        if (ValidatePassword(password) is { } error) throw new ArgumentException(error, nameof(password));
        return UpdateAsync(name, a => a with { PasswordHash = _hasher.HashPassword(a, password), FailedSignIns = 0, LockedUntil = null }, ct);
    }

    /// <summary>
    /// Checks the password and records the attempt: <see cref="MaxFailedSignIns"/> failures in a row lock the
    /// account for <see cref="LockOutPeriod"/>, during which even the right password is refused. Unknown
    /// names fail without a lock-out (there is nothing to store it with).
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string name, string password, CancellationToken ct = default)
    {
        if (ValidateName(name) is not null) return new SignInOutcome(null, false);
        // Optimistic retries: two replicas counting failures at once must not lose one of them.
        for (var attempt = 0; ; attempt++)
        {
            var blob = await store.GetAsync(Key(name), ct);
            if (blob is null) return new SignInOutcome(null, false);
            var account = JsonSerializer.Deserialize<Account>(blob.Bytes, Json)!;
            var now = (clock ?? TimeProvider.System).GetUtcNow();
            if (account.LockedUntil > now) return new SignInOutcome(null, true);
            // A disabled account fails like a wrong password, so its existence is not revealed either.
            if (account.Disabled) return new SignInOutcome(null, false);

            var result = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            var success = result is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
            Account updated;
            if (success)
            {
                updated = account with { FailedSignIns = 0, LockedUntil = null };
                if (result == PasswordVerificationResult.SuccessRehashNeeded)
                    updated = updated with { PasswordHash = _hasher.HashPassword(updated, password) };
            }
            else
            {
                var failures = account.FailedSignIns + 1;
                updated = failures >= MaxFailedSignIns
                    ? account with { FailedSignIns = 0, LockedUntil = now + LockOutPeriod }
                    : account with { FailedSignIns = failures, LockedUntil = null };
            }
            if (updated != account)
            {
                try
                {
                    using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(updated, Json));
                    await store.PutAsync(Key(name), content, BlobCondition.IfMatch(blob.ETag), ct);
                }
                catch (BlobConditionFailedException) when (attempt < 5)
                {
                    continue;
                }
            }
            return success ? new SignInOutcome(updated, false) : new SignInOutcome(null, updated.LockedUntil > now);
        }
    }
}
