using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TableFlow.Testing;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Interop;

/// <summary>
/// The file names the client sends, read back by the parsers servers use: the emulator, ASP.NET Core's
/// MultipartReader, Node's busboy and Python's email package (the last two as child processes). Each parser gets the
/// exact bytes one run request put on a loopback connection: one file part per name.
/// </summary>
public sealed class FileNameInteropTests : IClassFixture<FileNameInteropTests.SentRequest>
{
    /// <summary>Names that break naive quoting, plus the ordinary kinds (non-ASCII, spaces).</summary>
    public static readonly string[] Names =
    {
        "quote\"d.pdf",
        "two \"quoted\" words.pdf",
        "back\\slash.pdf",
        "ends in a backslash\\",
        "backslash then quote \\\" then \\\\ two.pdf",
        "name=\"evil\"; filename=\"x.pdf",
        "café résumé.pdf",
        "Überweisung März €.pdf",
        "請求書 2026.pdf",
        "emoji 🧾 receipt.pdf",
        "semi;colon.pdf",
        "equals=sign.pdf",
        "spaces  inside.pdf",
        " leading space.pdf",
        "trailing space.pdf ",
        "percent %22 literal.pdf",
        "=?utf-8?B?bG9vaw==?=",
        "tab\there.pdf",
        "pipe|and<angles>.pdf",
        "'single quotes'.pdf",
    };

    private static readonly string[] Fields = Names.Select((_, i) => $"attachments_{i + 1}").ToArray();

    private readonly SentRequest _sent;

    public FileNameInteropTests(SentRequest sent) => _sent = sent;

    [Fact]
    public async Task The_emulator_reads_every_name_back()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow("f1", f => f.File("attachments", multiple: true));
        using var client = emulator.CreateClient();

        await client.RunFlowAsync("f1", Request());

        var files = Assert.Single(emulator.Runs).Field("attachments")!.Files;
        Assert.Equal(Names, files.Select(f => f.FileName));
        Assert.Equal(Enumerable.Range(0, Names.Length).Select(Content), files.Select(f => f.ReadAsString()));
    }

    [Fact]
    public async Task ASP_NET_Core_MultipartReader_with_quoted_pairs_undone_reads_every_name_back()
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = _sent.ContentType;
        context.Request.Body = new MemoryStream(_sent.Body);

        var parts = await MultipartParts.ReadAsync(context.Request);

        Assert.Equal(Fields, parts.Select(p => p.Name));
        Assert.Equal(Names, parts.Select(p => p.FileName));
    }

    [Fact]
    public async Task Busboy_reads_every_name_back()
    {
        var (utf8, latin1) = await ExternalParsers.BusboyAsync(_sent.ContentType, _sent.Body);

        // defParamCharset 'utf8': the names as sent.
        Assert.Equal(Fields, utf8.Select(f => f.Field));
        Assert.Equal(Names, utf8.Select(f => f.FileName));

        // busboy's default charset (multer's) reads the UTF-8 bytes as latin-1; the usual conversion gives the name back.
        Assert.Equal(Names, latin1.Select(f => f.FileName));
    }

    [Fact]
    public async Task Python_email_get_params_as_python_multipart_uses_it_reads_every_name_back()
    {
        var (parameters, _) = await _sent.Python();

        Assert.Equal(Fields, parameters.Select(f => f.Field));
        Assert.Equal(Names, parameters.Select(f => f.FileName));
    }

    [Fact]
    public async Task Python_email_default_policy_reads_every_name_back_but_decodes_one_that_looks_like_an_encoded_word()
    {
        var (_, defaultPolicy) = await _sent.Python();

        // policy.default decodes an RFC 2047 encoded word even inside a quoted string (noting a defect): a file
        // literally named "=?utf-8?B?bG9vaw==?=" reads as "look". No escape can prevent it; every other name is intact.
        var expected = Names.Select(n => n == "=?utf-8?B?bG9vaw==?=" ? "look" : n);
        Assert.Equal(Fields, defaultPolicy.Select(f => f.Field));
        Assert.Equal(expected, defaultPolicy.Select(f => f.FileName));
    }

    private static FlowRunRequest Request()
        => new FlowRunRequest().AddFiles("attachments", Names.Select((name, i) => FlowFile.FromBytes(Encoding.UTF8.GetBytes(Content(i)), name)).ToArray());

    private static string Content(int index) => $"file {index + 1}";

    /// <summary>The run request with every name, as a loopback server received it: Content-Type and body bytes.</summary>
    public sealed class SentRequest : IAsyncLifetime
    {
        private Task<(IReadOnlyList<ParsedFile> Params, IReadOnlyList<ParsedFile> DefaultPolicy)>? _python;

        public string ContentType { get; private set; } = "";

        public byte[] Body { get; private set; } = Array.Empty<byte>();

        /// <summary>Python's two readings of the body, run once for the tests that need them (the tests of a class run one at a time).</summary>
        public Task<(IReadOnlyList<ParsedFile> Params, IReadOnlyList<ParsedFile> DefaultPolicy)> Python()
            => _python ??= ExternalParsers.PythonEmailAsync(ContentType, Body);

        public async Task InitializeAsync()
        {
            await using var server = await LoopbackServer.StartAsync(async c =>
            {
                using var body = new MemoryStream();
                await c.Request.Body.CopyToAsync(body);
                ContentType = c.Request.ContentType!;
                Body = body.ToArray();
                await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
            });
            using var client = TestClients.Create(server);
            await client.RunFlowAsync("f1", Request());
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
