using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

/// <summary>How the emulator reads a file part's name, whichever client wrote it.</summary>
public sealed class FileNameTests
{
    [Fact]
    public async Task Quoted_pairs_are_undone_and_everything_else_is_kept_as_sent()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddSeedFlow();
        using var http = emulator.CreateHttpClient();
        // Written as the header carries them: \" and \\ are quoted-pairs (RFC 9110 §5.6.4); %22 and a string that looks
        // like an RFC 2047 encoded word are plain text inside a quoted string.
        var form = Seed.CurlRequest()
            .File("attachments_1", "quote\\\"d \\\\ back.pdf", new byte[] { 1 })
            .File("attachments_2", "=?utf-8?B?bG9vaw==?=", new byte[] { 2 })
            .File("attachments_3", "percent %22 stays.pdf", new byte[] { 3 })
            .File("attachments_4", "Überweisung 🧾.pdf", new byte[] { 4 });

        using var response = await http.SendAsync(Seed.Post(Seed.FlowId, form.ToContent()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = Assert.Single(emulator.Runs).Field("attachments")!.Files;
        Assert.Equal(
            new[] { "quote\"d \\ back.pdf", "=?utf-8?B?bG9vaw==?=", "percent %22 stays.pdf", "Überweisung 🧾.pdf" },
            files.Select(f => f.FileName));
    }

    [Fact]
    public async Task A_name_from_NET_MultipartFormDataContent_is_read_from_its_filename_star()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow("f1", f => f.File("invoice", required: true));
        using var http = emulator.CreateHttpClient();
        // .NET writes filename="=?utf-8?B?…?=" and filename*=utf-8''… for a non-ASCII name.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[] { 1 }), "invoice", "Überweisung März.pdf" } };

        using var response = await http.SendAsync(Seed.Post("f1", form));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Überweisung März.pdf", Assert.Single(Assert.Single(emulator.Runs).Field("invoice")!.Files).FileName);
    }
}
