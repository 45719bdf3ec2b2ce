using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TableFlow.Extensions.DependencyInjection.Tests.Samples;

/// <summary>A 200 MiB purchase order goes through the upload API without the app's memory growing with it.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class UploadApiLargeUploadTests
{
    private const long LargeFileBytes = 200L * 1024 * 1024;

    [Fact]
    public async Task A_200_MiB_upload_is_streamed_through_to_the_API_while_managed_memory_stays_flat()
    {
        using var environment = UploadApiTests.Offline();
        long received = 0;
        // The API here counts and drops what it gets (the emulator keeps files in memory, which would hide the app's use).
        await using var api = await HttpClientTests.StartServerAsync(async context =>
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer)) > 0) Interlocked.Add(ref received, read);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{ "id": "bigRun0001", "flow_id": "dk4g1tUg1uHLs8YU", "status": "processing" }""");
        });
        await using var app = await UploadApiTests.StartAsync("--TableFlow:ApiKey=sink-key", $"--TableFlow:BaseAddress={api.Address}");
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };
        using var form = new MultipartFormDataContent();
        var large = new StreamContent(new GeneratedPdfStream(LargeFileBytes));
        large.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(large, "purchase_order", "large-scan.pdf");
        var invoice = new ByteArrayContent("%PDF-1.4 invoice"u8.ToArray());
        invoice.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(invoice, "invoice", "invoice.pdf");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                try { await Task.Delay(10, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        using var response = await http.PostAsync("/reconciliations", form);
        sampling.Cancel();
        await sampler;

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.True(Interlocked.Read(ref received) > LargeFileBytes, $"The API received {received} bytes.");
        var growth = (peak - baseline) / (1024 * 1024);
        Assert.True(growth < 64, $"Managed memory grew by {growth} MiB while 200 MiB went through.");
    }

    /// <summary>A PDF header followed by zeros, produced as it is read: the test itself holds none of it.</summary>
    private sealed class GeneratedPdfStream(long length) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.4\n"u8.ToArray();
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            if (n <= 0) return 0;
            Array.Clear(buffer, offset, n);
            for (var i = 0; i < n && _position + i < Header.Length; i++) buffer[offset + i] = Header[_position + i];
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
