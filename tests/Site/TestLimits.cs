using HafizaIzmir.Site.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace HafizaIzmir.Tests.Site;

/// <summary>
/// Every request of an in-process test comes from the same (absent) client address, so the production rate
/// limits would make unrelated tests trip over each other; test hosts raise them, and the tests of the
/// limits themselves set their own.
/// </summary>
public static class TestLimits
{
    public static void Raise(WebApplicationBuilder builder) => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        [$"{Hardening.Section}:SignIn:PermitLimit"] = "1000000",
        [$"{Hardening.Section}:Search:PermitLimit"] = "1000000",
    });
}
