using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>The multipart body as a server reads it: part order, file names, content types, streams.</summary>
public sealed class UploadTests
{
    private static readonly string Run = RunJson.Run("r1", "processing");

    /// <summary>A server that parses every run request with ASP.NET Core's MultipartReader and keeps the parts.</summary>
    private static async Task<(LoopbackServer Server, ConcurrentQueue<List<ReceivedPart>> Received)> StartRecordingServer()
    {
        var received = new ConcurrentQueue<List<ReceivedPart>>();
        var server = await LoopbackServer.StartAsync(async c =>
        {
            received.Enqueue(await MultipartParts.ReadAsync(c.Request));
            await Respond.Json(c, 201, Run);
        });
        return (server, received);
    }

    [Fact]
    public async Task Parts_go_in_a_stable_order_files_then_field_metadata_and_guidance_then_name_and_metadata()
    {
        var (server, received) = await StartRecordingServer();
        await using var _ = server;
        using var client = TestClients.Create(server);
        var request = new FlowRunRequest { Name = "PO-123 Reconciliation", Metadata = new JsonObject { ["customer_id"] = "12345" } }
            .AddFile("purchase_order", FlowFile.FromBytes("po"u8.ToArray(), "po.pdf"), new JsonObject { ["po_number"] = "PO-123" }, "Extract only the base number.")
            .AddFiles("attachments", new[] { FlowFile.FromBytes("a1"u8.ToArray(), "a1.png"), FlowFile.FromBytes("a2"u8.ToArray(), "a2.xlsx") }, null, "Scans.");

        await client.RunFlowAsync("dk4g1tUg1uHLs8YU", request);

        var recorded = Assert.Single(server.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/v2/flows/dk4g1tUg1uHLs8YU/run", recorded.Path);
        Assert.StartsWith("multipart/form-data; boundary=", recorded.ContentType);
        var parts = Assert.Single(received);
        Assert.Equal(
            new[] { "purchase_order", "attachments_1", "attachments_2", "purchase_order_metadata", "purchase_order_guidance", "attachments_guidance", "name", "metadata" },
            parts.Select(p => p.Name));
        Assert.Equal(("po.pdf", "application/pdf", "po"), (parts[0].FileName, parts[0].ContentType, parts[0].Text));
        Assert.Equal(("a1.png", "image/png", "a1"), (parts[1].FileName, parts[1].ContentType, parts[1].Text));
        Assert.Equal(("a2.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "a2"), (parts[2].FileName, parts[2].ContentType, parts[2].Text));
        Assert.Equal("application/json; charset=utf-8", parts[3].ContentType);
        Assert.Equal("PO-123", (string?)JsonNode.Parse(parts[3].Text)!["po_number"]);
        Assert.Equal(("text/plain; charset=utf-8", "Extract only the base number."), (parts[4].ContentType, parts[4].Text));
        Assert.Equal("Scans.", parts[5].Text);
        Assert.Equal("PO-123 Reconciliation", parts[6].Text);
        Assert.Equal("12345", (string?)JsonNode.Parse(parts[7].Text)!["customer_id"]);
        Assert.All(parts.Skip(3), p => Assert.Null(p.FileName));
    }

    [Fact]
    public async Task A_FromBytes_file_made_from_a_slice_sends_exactly_that_slice_even_across_several_write_chunks()
    {
        var (server, received) = await StartRecordingServer();
        await using var _ = server;
        using var client = TestClients.Create(server);
        // 2.5 MiB of a patterned array, starting at an odd offset: a sender that ignored the slice's offset or
        // length, or wrote it in chunks out of order, would send different bytes.
        var whole = new byte[3 * 1024 * 1024];
        for (var i = 0; i < whole.Length; i++) whole[i] = (byte)(i * 31 + (i >> 8));
        var slice = new ReadOnlyMemory<byte>(whole, 12345, 5 * 512 * 1024 + 7);
        var small = new ReadOnlyMemory<byte>("..abc.."u8.ToArray(), 2, 3);

        await client.RunFlowAsync("f1", new FlowRunRequest()
            .AddFile("invoice", FlowFile.FromBytes(slice, "big.bin"))
            .AddFile("note", FlowFile.FromBytes(small, "note.txt")));

        var parts = Assert.Single(received);
        Assert.Equal(slice.ToArray(), parts[0].Body);
        Assert.Equal("abc", parts[1].Text);
    }

    [Theory]
    [InlineData("quote\"d.pdf")]
    [InlineData("two \"quoted\" words.pdf")]
    [InlineData("Überweisung März €.pdf")]
    [InlineData("請求書 2026.pdf")]
    [InlineData("back\\slash.pdf")]
    [InlineData("semi;colon=equals.pdf")]
    [InlineData("percent %22 literal.pdf")]
    [InlineData("emoji 🧾.pdf")]
    [InlineData("=?utf-8?B?bG9vaw==?=")]
    [InlineData("\"Ünïcødé\" and \\ back.pdf")]
    [InlineData(" leading and trailing spaces.pdf ")]
    [InlineData("tab\there.pdf")]
    [InlineData("pipe|and<angles>.pdf")]
    [InlineData("ends in a backslash\\")]
    public async Task File_names_arrive_intact_as_ASP_NET_Core_reads_them(string fileName)
    {
        var (server, received) = await StartRecordingServer();
        await using var _ = server;
        using var client = TestClients.Create(server);

        await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes("x"u8.ToArray(), fileName)));

        var part = Assert.Single(Assert.Single(received));
        Assert.Equal(fileName, part.FileName);
    }

    [Fact]
    public async Task The_file_name_goes_as_raw_UTF8_in_a_quoted_string_with_quote_and_backslash_as_quoted_pairs()
    {
        var body = Array.Empty<byte>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            using var copy = new MemoryStream();
            await c.Request.Body.CopyToAsync(copy);
            body = copy.ToArray();
            await Respond.Json(c, 201, Run);
        });
        using var client = TestClients.Create(server);

        await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes("x"u8.ToArray(), "\"Ü\" \\ 🧾 %22;a=b.pdf")));

        var header = "Content-Disposition: form-data; name=\"invoice\"; filename=\"\\\"Ü\\\" \\\\ 🧾 %22;a=b.pdf\"\r\n";
        Assert.Contains(header, System.Text.Encoding.UTF8.GetString(body));
    }

    /// <summary>
    /// ASP.NET Core's form binding (<c>IFormFile.FileName</c>) takes the quoted string without undoing its quoted-pairs,
    /// so a name holding <c>"</c> or <c>\</c> shows their backslashes there (RFC 9110 escapes that the emulator, busboy
    /// and Python's parsers read back: see FileNameInteropTests). Every other name arrives as sent.
    /// </summary>
    [Theory]
    [InlineData("Überweisung März €.pdf", "Überweisung März €.pdf")]
    [InlineData("semi;colon=equals %22.pdf", "semi;colon=equals %22.pdf")]
    [InlineData("quote\"d.pdf", "quote\\\"d.pdf")]
    [InlineData("back\\slash.pdf", "back\\\\slash.pdf")]
    public async Task ASP_NET_Core_form_binding_shows_a_name_as_sent_but_keeps_quoted_pair_backslashes(string fileName, string formFileName)
    {
        var names = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var form = await c.Request.ReadFormAsync();
            names.Enqueue(form.Files["invoice"]!.FileName);
            await Respond.Json(c, 201, Run);
        });
        using var client = TestClients.Create(server);

        await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes("x"u8.ToArray(), fileName)));

        var received = Assert.Single(names);
        Assert.Equal(formFileName, received);
        Assert.Equal(fileName, Microsoft.Net.Http.Headers.HeaderUtilities.UnescapeAsQuotedString(received).Value);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_length_is_declared_when_every_file_length_is_known_and_chunked_otherwise(bool seekable)
    {
        long? declared = null;
        long actual = 0;
        var chunked = "";
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            declared = c.Request.ContentLength;
            chunked = c.Request.Headers.TransferEncoding.ToString();
            actual = await Respond.Drain(c);
            await Respond.Json(c, 201, Run);
        });
        using var client = TestClients.Create(server);
        var bytes = new byte[12_345];
        Stream stream = seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes);
        using var _ = stream;

        await client.RunFlowAsync("f1", new FlowRunRequest { Name = "n" }.AddFile("invoice", FlowFile.FromStream(stream, "ü.pdf"), new JsonObject { ["a"] = 1 }, "g"));

        if (seekable)
        {
            Assert.Equal(actual, declared);
            Assert.Equal("", chunked);
        }
        else
        {
            Assert.Null(declared);
            Assert.Equal("chunked", chunked);
        }

        Assert.True(actual > bytes.Length);
    }

    [Fact]
    public async Task Non_seekable_stream_goes_up_intact_and_stays_open()
    {
        var (server, received) = await StartRecordingServer();
        await using var _ = server;
        using var client = TestClients.Create(server);
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        using var stream = new NonSeekableStream(content);

        await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromStream(stream, "scan.tiff")));

        Assert.Equal(content, Assert.Single(Assert.Single(received)).Body);
        Assert.False(stream.Disposed);
    }

    [Fact]
    public async Task Callers_seekable_stream_is_read_from_its_position_and_not_disposed()
    {
        var (server, received) = await StartRecordingServer();
        await using var _ = server;
        using var client = TestClients.Create(server);
        using var stream = new MemoryStream("HEADERpayload"u8.ToArray());
        stream.Position = 6;

        await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromStream(stream, "i.pdf")));

        Assert.Equal("payload", Assert.Single(Assert.Single(received)).Text);
        Assert.True(stream.CanRead, "the caller's stream was disposed");
    }

    [Theory]
    [InlineData(201)]
    [InlineData(400)]
    public async Task Files_the_client_opened_are_closed_after_the_call(int status)
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, status, status == 201 ? Run : """{"error": "no"}"""));
        using var client = TestClients.Create(server);
        var path = Path.Combine(Path.GetTempPath(), $"tf-close-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, new byte[100_000]);
        try
        {
            var request = new FlowRunRequest().AddFile("invoice", FlowFile.FromPath(path));
            try
            {
                await client.RunFlowAsync("f1", request);
            }
            catch (TableFlowApiException)
            {
            }

            Assert.Equal(1, server.RequestCount);
            Assert.Equal(0, OpenHandlesTo(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task File_deleted_after_FromPath_fails_before_any_request_naming_the_path()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 201, Run));
        using var client = TestClients.Create(server);
        var path = Path.Combine(Path.GetTempPath(), $"tf-gone-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, new byte[10]);
        var request = new FlowRunRequest().AddFile("invoice", FlowFile.FromPath(path));
        File.Delete(path);

        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => client.RunFlowAsync("f1", request));

        Assert.Contains(path, e.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Non_seekable_stream_sent_once_cannot_be_sent_again_and_nothing_goes_out()
    {
        var (server, _) = await StartRecordingServer();
        await using var __ = server;
        using var client = TestClients.Create(server);
        using var stream = new NonSeekableStream("once"u8.ToArray());
        var file = FlowFile.FromStream(stream, "i.pdf");
        await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", file));

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", file)));

        Assert.Contains("'i.pdf' cannot seek and was already sent once", e.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_run_body_refuses_to_be_written_twice()
    {
        var content = new TableFlow.Http.FlowRunContent(new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[5], "i.pdf")));

        await content.CopyToAsync(Stream.Null);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => content.CopyToAsync(Stream.Null));

        Assert.Contains("sent at most once", e.Message);
    }

    /// <summary>How many descriptors of this process point at <paramref name="path"/> (Linux /proc).</summary>
    private static int OpenHandlesTo(string path)
    {
        var count = 0;
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget == path) count++;
            }
            catch (IOException)
            {
                // The descriptor closed while we looked.
            }
        }

        return count;
    }
}
