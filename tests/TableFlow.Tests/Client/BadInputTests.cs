using System;
using System.IO;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>Bad input fails before any network I/O, with a message that names the problem. The server must see nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private LoopbackServer _server = null!;
    private TableFlowClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(c => Respond.Json(c, 201, RunJson.Run("r1", "processing")));
        _client = TestClients.Create(_server);
    }

    public async Task DisposeAsync()
    {
        Assert.Equal(0, _server.RequestCount); // every test here must fail before sending anything
        _client.Dispose();
        await _server.DisposeAsync();
    }

    private static FlowRunRequest ValidRequest() => new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[3], "i.pdf"));

    [Fact]
    public void Missing_required_file_names_the_parameter_and_the_field()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new FlowRunRequest().AddFile("purchase_order", null!));

        Assert.Equal("file", e.ParamName);
        Assert.Contains("'purchase_order'", e.Message);
    }

    [Fact]
    public void Missing_or_empty_multi_file_list_names_the_field()
    {
        Assert.Equal("files", Assert.Throws<ArgumentNullException>(() => new FlowRunRequest().AddFiles("attachments", null!)).ParamName);
        Assert.Contains("needs at least one file", Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFiles("attachments", Array.Empty<FlowFile>())).Message);
        Assert.Contains("File 2 of field 'attachments' is null", Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFiles("attachments", new[] { FlowFile.FromBytes(new byte[1], "a.pdf"), null! })).Message);
    }

    [Fact]
    public void Path_that_does_not_exist_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.pdf");

        var e = Assert.Throws<FileNotFoundException>(() => FlowFile.FromPath(path));

        Assert.Contains(path, e.Message);
        Assert.Equal(path, e.FileName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("id?x=1")]
    public async Task Bad_flow_id_is_refused(string flowId)
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => _client.RunFlowAsync(flowId, ValidRequest()));

        Assert.Equal("flowId", e.ParamName);
    }

    [Fact]
    public async Task Null_request_is_refused()
        => Assert.Equal("request", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.RunFlowAsync("f1", null!))).ParamName);

    [Fact]
    public async Task Bad_run_id_is_refused_by_every_read()
    {
        Assert.Equal("runId", (await Assert.ThrowsAsync<ArgumentException>(() => _client.GetFlowRunAsync(""))).ParamName);
        Assert.Equal("runId", (await Assert.ThrowsAsync<ArgumentException>(() => _client.WaitForFlowRunAsync("x/y"))).ParamName);
        Assert.Equal("runId", (await Assert.ThrowsAsync<ArgumentNullException>(() => _client.WaitForFlowRunAsync((string)null!))).ParamName);
    }

    [Theory]
    [InlineData("bad\r\nname.pdf", "'bad\\r\\nname.pdf' contains a carriage return (\\r)")]
    [InlineData("bad\nname.pdf", "'bad\\nname.pdf' contains a line feed (\\n)")]
    [InlineData("nul\0.pdf", "'nul\\0.pdf' contains a NUL character (\\0)")]
    public void A_file_name_with_CR_LF_or_NUL_is_refused_naming_the_file_and_the_character(string fileName, string expected)
    {
        using var stream = new MemoryStream(new byte[1]);
        var fromBytes = Assert.Throws<ArgumentException>(() => FlowFile.FromBytes(new byte[1], fileName));
        var fromStream = Assert.Throws<ArgumentException>(() => FlowFile.FromStream(stream, fileName));

        Assert.All(new[] { fromBytes, fromStream }, e =>
        {
            Assert.Equal("fileName", e.ParamName);
            Assert.Contains(expected, e.Message);
            Assert.Contains("cannot be sent in a multipart part header", e.Message);
        });
        Assert.Equal(0, stream.Position);
    }

    [Theory]
    [InlineData("scan\n2026.pdf", "a line feed (\\n)")]
    [InlineData("scan\r.pdf", "a carriage return (\\r)")]
    public void A_path_whose_file_name_cannot_be_sent_is_refused_before_the_disk_is_read(string name, string expected)
    {
        // The file does not exist: the name is refused first, so the message is about the name, not a missing file.
        var path = Path.Combine(Path.GetTempPath(), $"tf-{Guid.NewGuid():N}", name);

        var e = Assert.Throws<ArgumentException>(() => FlowFile.FromPath(path));

        Assert.Equal("path", e.ParamName);
        Assert.Contains($"its file name contains {expected}", e.Message);
        Assert.Contains("FlowFile.FromStream", e.Message);
        Assert.DoesNotContain("\n", e.Message);
        Assert.DoesNotContain("\r", e.Message);
    }

    [Theory]
    [InlineData("no|such.pdf")]
    [InlineData("no\tsuch.pdf")]
    [InlineData("no\"such\".pdf")]
    public void A_path_with_characters_Windows_paths_cannot_hold_that_does_not_exist_is_a_missing_file(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tf-{Guid.NewGuid():N}-{name}");

        var e = Assert.Throws<FileNotFoundException>(() => FlowFile.FromPath(path));

        Assert.Contains($"Cannot upload '{path}': no file exists", e.Message);
    }

    [Theory]
    [InlineData("in\r\nvoice")]
    [InlineData("quo\"te")]
    [InlineData("")]
    public void Bad_form_keys_are_refused(string key)
    {
        var e = Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFile(key, FlowFile.FromBytes(new byte[1], "a.pdf")));

        Assert.Equal("key", e.ParamName);
    }

    [Fact]
    public void The_same_key_twice_is_refused()
    {
        var request = ValidRequest();

        var e = Assert.Throws<ArgumentException>(() => request.AddFile("invoice", FlowFile.FromBytes(new byte[1], "b.pdf")));

        Assert.Contains("'invoice' was already added", e.Message);
    }

    [Fact]
    public async Task Disposed_caller_stream_is_refused_naming_the_file()
    {
        var stream = new MemoryStream(new byte[10]);
        var request = new FlowRunRequest().AddFile("invoice", FlowFile.FromStream(stream, "invoice.pdf"));
        stream.Dispose();

        var e = await Assert.ThrowsAsync<ObjectDisposedException>(() => _client.RunFlowAsync("f1", request));

        Assert.Contains("'invoice.pdf'", e.Message);
    }
}
