using System.Text;
using HafizaIzmir.Site.Accounts;

namespace HafizaIzmir.Tests.Site;

public class AccountStoreTests
{
    private readonly InMemoryBlobStore _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Stores_a_hash_under_the_folded_name_never_the_password()
    {
        var accounts = new AccountStore(_store);
        await accounts.CreateAsync("Şükrü Işık", Role.Cataloguer, "kordon-1923-liman", Ct);

        var blob = Assert.Single(_store.Snapshot());
        Assert.Equal("accounts/sukru-isik.json", blob.Key);
        var json = Encoding.UTF8.GetString(blob.Value.Bytes);
        Assert.DoesNotContain("kordon-1923-liman", json);
        Assert.Contains("\"passwordHash\"", json);
        Assert.Contains("Cataloguer", json);
    }

    [Fact]
    public async Task Verifies_the_right_password_only()
    {
        var accounts = new AccountStore(_store);
        await accounts.CreateAsync("ayse", Role.Student, "kızlarağası-hanı", Ct);

        Assert.Equal(Role.Student, (await accounts.VerifyPasswordAsync("AYŞE", "kızlarağası-hanı", Ct))?.Role);
        Assert.Null(await accounts.VerifyPasswordAsync("ayse", "kizlaragasi-hani", Ct));
        Assert.Null(await accounts.VerifyPasswordAsync("nobody", "kızlarağası-hanı", Ct));
    }

    [Fact]
    public async Task A_name_that_folds_to_an_existing_one_is_refused()
    {
        var accounts = new AccountStore(_store);
        await accounts.CreateAsync("Şerif", Role.Admin, "0123456789", Ct);
        await Assert.ThrowsAsync<AccountExistsException>(() => accounts.CreateAsync("serif", Role.Student, "abcdefghij", Ct));
        Assert.Equal(Role.Admin, (await accounts.FindAsync("ŞERİF", Ct))?.Role);
    }

    [Theory]
    [InlineData("ok", "short")]
    [InlineData("!!!", "long enough password")]
    public async Task Bad_names_and_short_passwords_write_nothing(string name, string password)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new AccountStore(_store).CreateAsync(name, Role.Student, password, Ct));
        Assert.Empty(_store.Snapshot());
    }
}
