using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing.Cli;

namespace TableFlow.Testing.Tests;

public sealed class ProgramTests
{
    [Fact]
    public void The_documented_command_line_is_understood()
    {
        var line = EmulatorCommandLine.Parse(["--port", "5080", "--flows", "tableflow.json", "--api-key", "KEY"], "/work/app");
        Assert.Equal(5080, line.Options.Port);
        Assert.Equal("/work/app/tableflow.json", line.Options.FlowsFile);
        Assert.Equal("KEY", line.Options.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(2), line.Options.ProcessingTime);
        Assert.False(line.ShowHelp);
    }

    [Fact]
    public void Short_forms_inline_values_and_defaults()
    {
        var line = EmulatorCommandLine.Parse(["-p", "0", "--api-key=k2", "-t", "1.5s", "--workspace-id", "ws1", "-q"], "/nowhere");
        Assert.Equal(0, line.Options.Port);
        Assert.Equal("k2", line.Options.ApiKey);
        Assert.Equal(TimeSpan.FromSeconds(1.5), line.Options.ProcessingTime);
        Assert.Equal("ws1", line.Options.WorkspaceId);
        Assert.True(line.Quiet);
        Assert.Null(line.Options.FlowsFile);

        var defaults = EmulatorCommandLine.Parse([], "/nowhere");
        Assert.Equal(EmulatorCommandLine.DefaultPort, defaults.Options.Port);
        Assert.Equal(TableFlowEmulatorOptions.DefaultApiKey, defaults.Options.ApiKey);
    }

    [Fact]
    public void A_tableflow_json_in_the_current_directory_is_used_when_no_flows_file_is_given()
    {
        using var file = new TempFile("[]");
        Assert.Equal(file.Path, EmulatorCommandLine.Parse([], file.Directory).Options.FlowsFile);
    }

    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1m", 60000)]
    [InlineData("00:00:03", 3000)]
    [InlineData("0s", 0)]
    public void Durations_are_read_in_the_usual_forms(string text, int milliseconds)
        => Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), EmulatorCommandLine.ParseDuration(text));

    [Theory]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'")]
    [InlineData(new[] { "stray" }, "Unexpected argument 'stray'")]
    [InlineData(new[] { "--port" }, "--port needs a value")]
    [InlineData(new[] { "--port", "--api-key", "k" }, "--port needs a value")]
    [InlineData(new[] { "--port", "70000" }, "'70000' is not a number from 0 to 65535")]
    [InlineData(new[] { "--port", "-1" }, "'-1' is not a number from 0 to 65535")]
    [InlineData(new[] { "--api-key", "a", "-k", "b" }, "--api-key is given twice")]
    [InlineData(new[] { "--processing-time", "soon" }, "'soon' is not a duration")]
    public void Bad_arguments_are_refused_with_a_message_naming_them(string[] args, string expected)
    {
        var e = Assert.Throws<FormatException>(() => EmulatorCommandLine.Parse(args, "/nowhere"));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        var (code, stdout, _) = await RunToEndAsync("--help");
        Assert.Equal(0, code);
        Assert.Contains("--flows <file>", stdout);
        Assert.Contains("--api-key <key>", stdout);
    }

    [Fact]
    public async Task Bad_arguments_exit_2_with_the_error_on_stderr()
    {
        var (code, stdout, stderr) = await RunToEndAsync("--port", "x");
        Assert.Equal(2, code);
        Assert.Contains("error: The port 'x' is not a number", stderr);
        Assert.Contains("--help", stderr);
        Assert.Equal("", stdout);
    }

    [Fact]
    public async Task A_malformed_flows_file_exits_1_naming_the_line_and_position()
    {
        using var file = new TempFile("[\n  {\"id\": }\n]");
        var (code, _, stderr) = await RunToEndAsync("--port", "0", "--flows", file.Path);
        Assert.Equal(1, code);
        Assert.Contains("is not valid JSON at line 2, position 10: '}' is an invalid start of a value.", stderr);
    }

    [Fact]
    public async Task A_missing_flows_file_exits_1_naming_it()
    {
        var (code, _, stderr) = await RunToEndAsync("--port", "0", "--flows", "/no/such/tableflow.json");
        Assert.Equal(1, code);
        Assert.Contains("'/no/such/tableflow.json' does not exist", stderr);
    }

    [Fact]
    public async Task The_program_serves_with_the_given_key_and_flows_until_stopped()
    {
        using var file = new TempFile(FlowFileTests.DesignExample);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var program = EmulatorProgram.RunAsync(["--port", "0", "--flows", file.Path, "--api-key", "KEY", "--processing-time", "100ms"], stdout, stderr, stop.Token);

        var banner = await WaitForAsync(stdout, "Press Ctrl+C");
        var address = new Uri(Regex.Match(banner, @"listening on (http://127\.0\.0\.1:\d+/)").Groups[1].Value);
        Assert.Contains("API key: KEY", banner);
        Assert.Contains("dk4g1tUg1uHLs8YU \"PO to Invoice Reconciliation\": purchase_order (required), invoice (required), attachments (multiple)", banner);
        Assert.Contains("inactiveFlow \"Old\" (inactive)", banner);

        using (var http = new HttpClient { BaseAddress = address })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "KEY");
            using var response = await http.GetAsync("v2/flows");
            Assert.True(response.IsSuccessStatusCode);
            Assert.Contains("dk4g1tUg1uHLs8YU", await response.Content.ReadAsStringAsync());
        }

        await WaitForAsync(stdout, "GET /v2/flows -> 200");
        stop.Cancel();
        Assert.Equal(0, await program.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("Stopping the TableFlow emulator.", stdout.ToString());
        Assert.Equal("", stderr.ToString());
        using var closed = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => closed.GetAsync("v2/flows"));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunToEndAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await EmulatorProgram.RunAsync(args, stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> WaitForAsync(StringWriter output, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            string now;
            lock (output) now = output.ToString();
            if (now.Contains(text, StringComparison.Ordinal)) return now;
            await Task.Delay(20);
        }

        throw new TimeoutException($"The program never printed '{text}'. It printed:\n{output}");
    }
}
