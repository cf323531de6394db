// The composition root: CLI verbs (Cli/) decide what runs; serve builds the web host (Hosting/).
return await HafizaIzmir.Site.Cli.Verbs.RunAsync(args);

/// <summary>Visible to tests that start the host.</summary>
public partial class Program;
