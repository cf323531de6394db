namespace HafizaIzmir.Site.Cli;

public static class Verbs
{
    public static Task<int> RunAsync(string[] args) => throw new NotImplementedException();
}
