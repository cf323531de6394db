using HafizaIzmir.Site.Cli;

namespace HafizaIzmir.Tests.Site;

public class ProgressReporterTests
{
    [Fact]
    public void Redirected_output_gets_a_line_per_thousand_and_a_final_line()
    {
        var output = new StringWriter();
        var progress = new ProgressReporter("objects", output, interactive: false);
        for (var i = 1; i <= 2500; i++) progress.Report(i);
        progress.Complete();
        Assert.Equal(["objects: 1000", "objects: 2000", "objects: 2500 done"], output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_terminal_gets_one_line_rewritten_in_place()
    {
        var output = new StringWriter();
        var progress = new ProgressReporter("objects", output, interactive: true);
        progress.Report(1);
        progress.Report(2);
        progress.Complete();
        Assert.Equal($"\robjects: 1\robjects: 2\robjects: 2 done{Environment.NewLine}", output.ToString());
    }
}
