using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TableFlow.Tests.Client;

[CollectionDefinition(nameof(LargeUploadTests), DisableParallelization = true)]
public sealed class LargeUploadCollection
{
}

/// <summary>
/// A large file goes up streamed: the bytes allocated by the whole process during the upload (client and the in-process
/// server together) stay a small fraction of the file's size. Runs alone so other tests' allocations do not count.
/// </summary>
[Collection(nameof(LargeUploadTests))]
public sealed class LargeUploadTests
{
    private const long FileSize = 256L * 1024 * 1024;

    private readonly ITestOutputHelper _output;

    public LargeUploadTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData("path")]
    [InlineData("non-seekable stream")]
    public async Task Uploading_256_MiB_allocates_far_less_than_the_file(string source)
    {
        long received = 0;
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            Interlocked.Exchange(ref received, await Respond.Drain(c));
            await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
        });
        using var client = TestClients.Create(server, o => o.RequestTimeout = TimeSpan.FromMinutes(2));
        var path = Path.Combine(Path.GetTempPath(), $"tf-large-{Guid.NewGuid():N}.pdf");
        using (var create = File.Create(path)) create.SetLength(FileSize); // sparse: no disk written, read back as zeros
        try
        {
            // Warm up once so JIT and connection setup are not counted.
            await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[1024], "warm.pdf")));
            using var stream = source == "path" ? null : new NonSeekableStream(File.OpenRead(path));
            var file = stream is null ? FlowFile.FromPath(path) : FlowFile.FromStream(stream, "big.pdf");

            var before = GC.GetTotalAllocatedBytes(precise: true);
            await client.RunFlowAsync("f1", new FlowRunRequest().AddFile("invoice", file));
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            _output.WriteLine($"{source}: uploaded {FileSize / (1024 * 1024)} MiB, allocated {allocated / 1024} KiB in the process");
            Assert.True(Interlocked.Read(ref received) > FileSize, "the server did not receive the whole file");
            Assert.True(allocated < FileSize / 16, $"allocated {allocated:N0} bytes to upload {FileSize:N0}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
