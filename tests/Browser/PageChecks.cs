using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HafizaIzmir.Tests.Browser;

/// <summary>What every public page is held to in a real browser: axe-core's WCAG A/AA rules, and screenshots to look at.</summary>
public static class PageChecks
{
    /// <summary>WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>Runs axe-core on the page as it is now and fails listing every violation with the nodes it found.</summary>
    public static async Task AxeCheckAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
        });
        if (result.Violations.Length == 0) return;
        var report = new StringBuilder($"{result.Violations.Length} accessibility violation(s) on {page.Url}:\n");
        foreach (var violation in result.Violations)
        {
            report.Append($"  {violation.Id} ({violation.Impact}): {violation.Help}\n");
            foreach (var node in violation.Nodes)
                report.Append("    ").Append(node.Target).Append("  ").Append(node.Html).Append('\n');
        }
        Assert.Fail(report.ToString());
    }

    /// <summary>Saves a full-page PNG under TestResults/screenshots in the repository (not committed) and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(this IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HafizaIzmir.sln"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
