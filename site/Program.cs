// The composition root: CLI verbs and the web host are wired in Cli/ and Hosting/.
return await HafizaIzmir.Site.Cli.Verbs.RunAsync(args);
