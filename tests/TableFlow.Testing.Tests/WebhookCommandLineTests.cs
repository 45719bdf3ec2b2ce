using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing.Cli;

namespace TableFlow.Testing.Tests;

public sealed class WebhookCommandLineTests
{
    [Fact]
    public void Webhook_urls_repeat_and_the_secret_is_taken_as_given()
    {
        var secret = TableFlowWebhook.CreateSecret();

        var line = EmulatorCommandLine.Parse(["--webhook-url", "http://localhost:5000/webhooks/tableflow", "--webhook-url=https://example.test/hook", "--webhook-secret", secret], "/nowhere");

        Assert.Equal([new Uri("http://localhost:5000/webhooks/tableflow"), new Uri("https://example.test/hook")], line.Options.Webhooks.Urls);
        Assert.Equal(secret, line.Options.Webhooks.Secret);
    }

    [Theory]
    [InlineData("localhost:5000/hook")]
    [InlineData("/webhooks/tableflow")]
    [InlineData("ftp://example.test/hook")]
    public void A_webhook_url_that_is_not_absolute_http_is_refused(string url)
    {
        var e = Assert.Throws<FormatException>(() => EmulatorCommandLine.Parse(["--webhook-url", url], "/nowhere"));

        Assert.Contains(url, e.Message);
    }

    [Fact]
    public void The_help_lists_the_webhook_options()
    {
        Assert.Contains("--webhook-url", EmulatorCommandLine.Usage);
        Assert.Contains("--webhook-secret", EmulatorCommandLine.Usage);
    }

    [Fact]
    public async Task The_program_prints_where_webhooks_go_and_the_secret_to_give_the_receiver()
    {
        var secret = TableFlowWebhook.CreateSecret();
        using var stdout = new StringWriter();
        using var stop = new CancellationTokenSource();
        var banner = new BannerWatcher(stdout, stop);

        var started = await EmulatorProgram.RunAsync(["--port", "0", "--webhook-url", "http://127.0.0.1:9/hook", "--webhook-secret", secret, "-q"], banner, TextWriter.Null, stop.Token);

        Assert.Equal(0, started);
        Assert.Contains("Webhooks: flow.run.completed / flow.run.failed to http://127.0.0.1:9/hook", stdout.ToString());
        Assert.Contains($"Webhook signing secret: {secret}", stdout.ToString());
    }

    [Fact]
    public async Task A_bad_webhook_secret_stops_the_program_with_a_message_that_does_not_repeat_it()
    {
        using var stderr = new StringWriter();

        var exit = await EmulatorProgram.RunAsync(["--port", "0", "--webhook-url", "http://127.0.0.1:9/hook", "--webhook-secret", "whsec_%%nope%%"], TextWriter.Null, stderr, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("webhook secret is not valid", stderr.ToString());
        Assert.DoesNotContain("%%nope%%", stderr.ToString());
    }

    /// <summary>Passes output through and stops the program once its banner's last line is written.</summary>
    private sealed class BannerWatcher(TextWriter inner, CancellationTokenSource stop) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value) => inner.Write(value);

        public override void WriteLine(string? value)
        {
            inner.WriteLine(value);
            if (value?.Contains("Press Ctrl+C", StringComparison.Ordinal) == true) stop.Cancel();
        }
    }
}
