using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Client;
using TableFlow.Tests.Infrastructure;
using TableFlow.Tests.Interop;

namespace TableFlow.Tests.NetStandard;

/// <summary>
/// The netstandard2.0 build (what .NET Framework and older .NET get) has code paths of its own (#if NET). These tests
/// load that very assembly into its own load context and drive it over loopback HTTP through reflection.
/// </summary>
public sealed class NetStandardAssetTests : IDisposable
{
    private readonly NetStandardRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public void The_loaded_assembly_is_the_netstandard2_0_build()
        => Assert.Equal(".NETStandard,Version=v2.0", _runtime.Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

    [Fact]
    public async Task Reads_retry_and_parse_a_run()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 503, """{"error": "busy"}""") : Respond.Json(c, 200, RunJson.DocumentedGetFlowRun));
        var client = _runtime.CreateClient(server.BaseAddress);

        var run = await NetStandardRuntime.Invoke(client, "GetFlowRunAsync", "Wp7kRnT2mX4vQ9bL", CancellationToken.None);

        Assert.Equal("completed", NetStandardRuntime.Get(run, "StatusText"));
        Assert.Equal(TimeSpan.FromSeconds(30), NetStandardRuntime.Get(run, "Duration"));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Runs_upload_multipart_that_ASP_NET_Core_reads()
    {
        var received = new ConcurrentQueue<ReceivedPart>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            foreach (var part in await MultipartParts.ReadAsync(c.Request)) received.Enqueue(part);
            await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
        });
        var client = _runtime.CreateClient(server.BaseAddress);
        var request = _runtime.Request();
        request.GetType().GetMethod("AddFile")!.Invoke(request, new[] { "invoice", _runtime.FromBytes("pdf"u8.ToArray(), "say \"hi\" – ü.pdf"), null, "Totals only." });

        var run = await NetStandardRuntime.RunFlowAsync(client, "f1", request);

        Assert.Equal("processing", NetStandardRuntime.Get(run, "StatusText"));
        Assert.Equal(new[] { "invoice", "invoice_guidance" }, received.Select(p => p.Name));
        Assert.Equal("say \"hi\" – ü.pdf", received.First().FileName);
        Assert.Equal("pdf", received.First().Text);
    }

    [Fact]
    public async Task File_names_arrive_intact_as_from_the_NET_build()
    {
        var received = new ConcurrentQueue<ReceivedPart>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            foreach (var part in await MultipartParts.ReadAsync(c.Request)) received.Enqueue(part);
            await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
        });
        var client = _runtime.CreateClient(server.BaseAddress);
        var request = _runtime.Request(FileNameInteropTests.Names.Select((name, i) => ($"f{i}", _runtime.FromBytes(new byte[1], name))).ToArray());

        await NetStandardRuntime.RunFlowAsync(client, "f1", request);

        Assert.Equal(FileNameInteropTests.Names, received.Select(p => p.FileName));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_of_known_length_declares_it_and_one_of_unknown_length_asks_for_chunked_transfer(bool seekable)
    {
        string? transferEncoding = null;
        long? declared = null;
        long received = 0;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            transferEncoding = c.Request.Headers.TransferEncoding.ToString();
            declared = c.Request.ContentLength;
            received = await Respond.Drain(c);
            await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
        });
        using var handler = new NetFrameworkLikeHandler();
        using var http = new System.Net.Http.HttpClient(handler);
        var client = _runtime.CreateClient(server.BaseAddress, http);
        var bytes = new byte[50_000];
        using Stream stream = seekable ? new MemoryStream(bytes) : new NonSeekableStream(bytes);

        await NetStandardRuntime.RunFlowAsync(client, "f1", _runtime.Request(("invoice", _runtime.FromStream(stream, "scan.pdf"))));

        Assert.Equal(0, handler.BufferedBodies);
        Assert.Equal(seekable ? ("", received) : ("chunked", (long?)null), (transferEncoding, declared));
        Assert.True(received > bytes.Length);
    }

    [Theory]
    [MemberData(nameof(ContentTypeTests.Cases), MemberType = typeof(ContentTypeTests))]
    public void The_content_type_comes_from_the_last_extension_as_on_NET(string fileName, string contentType)
        => Assert.Equal(contentType, NetStandardRuntime.Get(_runtime.FromBytes(new byte[1], fileName), "ContentType"));

    [Theory]
    [InlineData("bad\r\nname.pdf", "contains a carriage return (\\r)")]
    [InlineData("nul\0.pdf", "contains a NUL character (\\0)")]
    public void A_file_name_with_CR_LF_or_NUL_is_refused_as_on_NET(string fileName, string expected)
    {
        using var stream = new MemoryStream(new byte[1]);
        var e = Assert.Throws<ArgumentException>(() => _runtime.FromStream(stream, fileName));

        Assert.Equal("fileName", e.ParamName);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public async Task Errors_carry_the_APIs_message_without_the_key()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 401, $$"""{"error": "Bad key {{c.Request.Headers.Authorization}}"}"""));
        var client = _runtime.CreateClient(server.BaseAddress);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => NetStandardRuntime.Invoke(client, "GetFlowRunAsync", "r1", CancellationToken.None));

        Assert.Equal("TableFlow.TableFlowApiException", e.GetType().FullName);
        Assert.Contains("401", e.Message);
        Assert.DoesNotContain(TestClients.ApiKey, e.ToString());
    }
}
