using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;
using TableFlow.Tests.NetStandard;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// The extraction calls of the netstandard2.0 build (its own #if paths: reading a download's stream, the JSON reader of
/// netstandard2.0's System.Text.Json package), loaded in a context of its own and driven over loopback HTTP.
/// </summary>
public sealed class NetStandardExtractionTests : IDisposable
{
    private readonly NetStandardRuntime _runtime = new();

    public void Dispose() => _runtime.Dispose();

    [Fact]
    public async Task An_upload_a_read_with_values_and_issues_and_a_download_work_on_the_netstandard_build()
    {
        byte[] original = Enumerable.Range(0, 200_000).Select(i => (byte)i).ToArray();
        List<ReceivedPart>? parts = null;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            var path = c.Request.Path.Value!;
            if (path.EndsWith("/upload", StringComparison.Ordinal))
            {
                parts = await MultipartParts.ReadAsync(c.Request);
                await Respond.Json(c, 200, ExtractionJson.NewerUpload);
            }
            else if (path.EndsWith("/download-original", StringComparison.Ordinal))
            {
                await c.Response.Body.WriteAsync(original);
            }
            else
            {
                await Respond.Json(c, 200, """
                    {"id":"x1","status":"completed","data":{"fields":{"values":{"total":1245.75,"number":"INV-1"},
                     "validations":{"number":[{"validate":"regex","severity":"warn","message":"Odd number"}]}}}}
                    """);
            }
        });
        var client = _runtime.CreateClient(server.BaseAddress);

        var extract = client.GetType().GetMethod("ExtractAsync")!;
        var started = await Await(extract.Invoke(client, [_runtime.FromBytes([1, 2, 3], "a.pdf"), "tpl", null, CancellationToken.None])!);
        var read = await NetStandardRuntime.Invoke(client, "GetExtractionAsync", "x1", CancellationToken.None);
        var download = (Stream)await NetStandardRuntime.Invoke(client, "DownloadOriginalAsync", "x1", CancellationToken.None);
        using var copy = new MemoryStream();
        await using (download) await download.CopyToAsync(copy);

        Assert.Equal(["file", "template_id"], parts!.Select(p => p.Name));
        Assert.Equal(ExtractionJson.Id, NetStandardRuntime.Get(started, "Id"));
        Assert.Equal("completed", NetStandardRuntime.Get(read, "StatusText"));
        var fields = (IEnumerable)NetStandardRuntime.Get(read, "Fields")!;
        var texts = fields.Cast<object>().ToDictionary(p => (string)NetStandardRuntime.Get(p, "Key")!, p => NetStandardRuntime.Get(p, "Value")!.ToString());
        Assert.Equal("1245.75", texts["total"]);
        Assert.Equal("INV-1", texts["number"]);
        var issue = ((IEnumerable)NetStandardRuntime.Get(read, "FieldIssues")!).Cast<object>().Single();
        Assert.Equal("number: warning: Odd number (regex)", issue.ToString());
        Assert.Equal(original, copy.ToArray());
    }

    private static async Task<object> Await(object task)
    {
        await (Task)task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }
}
