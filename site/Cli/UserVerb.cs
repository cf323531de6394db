using System.Text;
using HafizaIzmir.Site.Accounts;
using HafizaIzmir.Site.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HafizaIzmir.Site.Cli;

public static class UserVerb
{
    public static async Task<int> AddAsync(ArchiveOptions options, string name, string roleName, CancellationToken ct)
    {
        if (AccountStore.ValidateName(name) is { } nameError) throw new UsageException($"user name '{name}': {nameError}");
        var role = Enum.Parse<Role>(roleName, ignoreCase: true);

        var password = Console.IsInputRedirected ? await ReadRedirectedAsync(ct) : Prompt();
        if (AccountStore.ValidatePassword(password) is { } passwordError) throw new UsageException(passwordError);

        await using var services = Composition.BuildForCli(options);
        try
        {
            var account = await services.GetRequiredService<AccountStore>().CreateAsync(name, role, password, ct);
            Console.WriteLine($"Created {account.Role.ToString().ToLowerInvariant()} account '{account.Name}'");
            return Verbs.Success;
        }
        catch (AccountExistsException e)
        {
            await Console.Error.WriteLineAsync($"hafiza: {e.Message}; nothing was changed");
            return Verbs.ProblemsFound;
        }
    }

    /// <summary>The first line of standard input, without its line break (a script's <c>echo pw | hafiza user add …</c>).</summary>
    private static async Task<string> ReadRedirectedAsync(CancellationToken ct) =>
        (await Console.In.ReadLineAsync(ct)) ?? "";

    private static string Prompt()
    {
        var first = ReadHidden("Password: ");
        var second = ReadHidden("Repeat the password: ");
        if (first != second) throw new UsageException("the two passwords differ; nothing was changed");
        return first;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Write(prompt);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
