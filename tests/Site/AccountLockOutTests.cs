using HafizaIzmir.Site.Accounts;

namespace HafizaIzmir.Tests.Site;

public class AccountLockOutTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task The_lock_out_ends_after_fifteen_minutes_and_a_success_resets_the_count()
    {
        var store = new InMemoryBlobStore();
        var clock = new Clock(new DateTimeOffset(2026, 5, 19, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountStore(store, clock);
        await accounts.CreateAsync("ayse", Role.Student, "kızlarağası-hanı", Ct);

        for (var i = 0; i < 4; i++) Assert.False((await accounts.SignInAsync("ayse", "yanlış", Ct)).LockedOut);
        Assert.NotNull((await accounts.SignInAsync("ayse", "kızlarağası-hanı", Ct)).Account);
        // The success cleared the four failures: four more do not lock.
        for (var i = 0; i < 4; i++) Assert.False((await accounts.SignInAsync("ayse", "yanlış", Ct)).LockedOut);
        Assert.True((await accounts.SignInAsync("ayse", "yanlış", Ct)).LockedOut);

        clock.Now += TimeSpan.FromMinutes(14);
        Assert.Equal(new SignInOutcome(null, true), await accounts.SignInAsync("ayse", "kızlarağası-hanı", Ct));
        clock.Now += TimeSpan.FromMinutes(1);
        Assert.NotNull((await accounts.SignInAsync("ayse", "kızlarağası-hanı", Ct)).Account);
    }

    [Fact]
    public async Task A_second_store_instance_sees_the_lock_out()
    {
        var store = new InMemoryBlobStore();
        var replicaA = new AccountStore(store);
        var replicaB = new AccountStore(store);
        await replicaA.CreateAsync("ayse", Role.Student, "kızlarağası-hanı", Ct);
        for (var i = 0; i < 3; i++) await replicaA.SignInAsync("ayse", "yanlış", Ct);
        for (var i = 0; i < 2; i++) await replicaB.SignInAsync("ayse", "yanlış", Ct);
        Assert.True((await replicaA.SignInAsync("ayse", "kızlarağası-hanı", Ct)).LockedOut);
    }
}
