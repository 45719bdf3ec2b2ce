using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Testing.Cli;

namespace TableFlow.Testing.Tests;

/// <summary>Starting, configuring and stopping: mistakes are refused with a message before anything listens or runs.</summary>
public sealed class EmulatorSetupTests
{
    [Fact]
    public async Task It_listens_on_loopback_with_a_trailing_slash_and_stops_on_dispose()
    {
        var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ApiKey = "k" });
        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal("/", emulator.BaseAddress.AbsolutePath);
        Assert.Equal("k", emulator.ApiKey);
        using var http = emulator.CreateHttpClient();
        using (var response = await http.GetAsync("v2/flows")) Assert.True(response.IsSuccessStatusCode);

        await emulator.DisposeAsync();
        await emulator.DisposeAsync();
        using var fresh = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync(new Uri(emulator.BaseAddress, "v2/flows")));
    }

    [Fact]
    public async Task A_port_in_use_is_refused_naming_the_port_and_the_program_exits_1()
    {
        await using var first = await TableFlowEmulator.StartAsync();
        var port = first.BaseAddress.Port;

        var e = await Assert.ThrowsAsync<IOException>(() => TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { Port = port }));
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.Contains("Pick another port", e.Message);

        var stderr = new StringWriter();
        var code = await EmulatorProgram.RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], new StringWriter(), stderr, CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Contains($"127.0.0.1:{port}", stderr.ToString());
    }

    [Fact]
    public async Task Changing_the_options_object_after_the_start_does_not_change_the_running_server()
    {
        var options = new TableFlowEmulatorOptions { ApiKey = "first" };
        await using var emulator = await TableFlowEmulator.StartAsync(options);
        options.ApiKey = "second";

        Assert.Equal("first", emulator.ApiKey);
        using var http = emulator.CreateHttpClient();
        using var response = await http.GetAsync("v2/flows");
        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task Bad_options_are_refused_before_starting()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { Port = 70000 }));
        await Assert.ThrowsAsync<ArgumentException>(() => TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ApiKey = " " }));
        await Assert.ThrowsAsync<ArgumentException>(() => TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromSeconds(-1) }));
    }

    [Theory]
    [InlineData("", "doc", "The flow id '' is not valid: it is empty")]
    [InlineData("a/b", "doc", "it contains '/', which cannot stand in a URL path segment")]
    [InlineData("f", "name", "cannot have a file field 'name': 'name' is the run's own form field")]
    [InlineData("f", "metadata", "cannot have a file field 'metadata': 'metadata' is the run's own form field")]
    [InlineData("f", "doc\"x", "it contains '\"', which cannot stand in a multipart field name")]
    [InlineData("f", " ", "not a valid form field name: it is empty")]
    public async Task Bad_flow_ids_and_field_keys_are_refused(string flowId, string key, string expected)
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        var e = Assert.Throws<ArgumentException>(() => emulator.AddFlow(flowId, f => f.File(key)));
        Assert.Contains(expected, e.Message);
        Assert.Empty(emulator.FlowIds);
    }

    [Fact]
    public async Task Field_keys_that_collide_with_each_others_form_fields_are_refused()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        Assert.Contains("already has a file field 'doc'", Assert.Throws<ArgumentException>(() => emulator.AddFlow("f", f => f.File("doc").File("doc"))).Message);
        Assert.Contains("'doc_guidance' is the guidance field of 'doc'", Assert.Throws<ArgumentException>(() => emulator.AddFlow("g", f => f.File("doc").File("doc_guidance"))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => emulator.AddFlow("h", f => f.File("doc", maxFileSize: 0)));
        Assert.Throws<ArgumentException>(() => emulator.ConfigureFlow("missing", f => f.Name("x")));
    }

    [Fact]
    public async Task The_request_log_gets_one_line_per_request()
    {
        var log = new StringWriter();
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { RequestLog = log });
        using var http = emulator.CreateHttpClient();
        using (await http.GetAsync("v2/flows/runs?limit=5")) { }
        using (await http.GetAsync("v2/flows/runs/nope")) { }

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("GET /v2/flows/runs?limit=5 -> 200", lines[0].TrimEnd());
        Assert.EndsWith("GET /v2/flows/runs/nope -> 404", lines[1].TrimEnd());
    }
}
