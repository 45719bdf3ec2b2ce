using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// WaitForExtractionAsync over real HTTP: polls until completed or failed (unknown statuses keep it polling), one
/// deadline bounds the whole wait, and an <c>extraction.completed</c>/<c>extraction.failed</c> event published to
/// <see cref="TableFlowClientOptions.Events"/> ends it early.
/// </summary>
public sealed class ExtractionWaitTests
{
    private static readonly TimeSpan Generous = ExtractionServer.Generous;
    private readonly TableFlowWebhook _webhook = new(TableFlowWebhook.CreateSecret());
    private readonly TableFlowEventHub _hub = new();

    [Fact]
    public async Task The_wait_polls_through_created_processing_and_unknown_statuses_and_returns_the_completed_extraction()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, n switch
        {
            1 => ExtractionJson.InStatus(ExtractionJson.Id, "created"),
            2 => ExtractionJson.InStatus(ExtractionJson.Id, "processing"),
            3 => ExtractionJson.InStatus(ExtractionJson.Id, "ocr_running"),
            _ => ExtractionJson.NewerGet,
        }));
        using var client = TestClients.Create(server);

        var extraction = await client.WaitForExtractionAsync(ExtractionJson.Id).WaitAsync(Generous);

        Assert.Equal(ExtractionStatus.Completed, extraction.Status);
        Assert.Equal("INV-20230415", extraction.Fields["invoice_number"].ToString());
        Assert.Equal(4, server.RequestCount);
        Assert.All(server.Requests, r => Assert.Equal("/v2/extractions/uT2bJNWN75YPU95r", r.Path));
    }

    [Fact]
    public async Task A_failed_extraction_ends_the_wait_and_is_returned_not_thrown()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => Respond.Json(c, 200, ExtractionJson.InStatus("x1", n == 1 ? "processing" : "failed")));
        using var client = TestClients.Create(server);

        var extraction = await client.WaitForExtractionAsync("x1").WaitAsync(Generous);

        Assert.Equal(ExtractionStatus.Failed, extraction.Status);
        Assert.True(extraction.IsTerminal);
    }

    [Fact]
    public async Task A_wait_that_times_out_throws_with_the_last_extraction_read()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, ExtractionJson.InStatus("x1", "processing")));
        using var client = TestClients.Create(server);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<ExtractionWaitTimeoutException>(() => client.WaitForExtractionAsync("x1", new ExtractionWaitOptions { Timeout = TimeSpan.FromMilliseconds(300), PollingInterval = TimeSpan.FromMilliseconds(20) }));

        Assert.True(clock.Elapsed < Generous, $"a 300 ms wait took {clock.Elapsed}");
        Assert.Equal("x1", e.ExtractionId);
        Assert.Equal(ExtractionStatus.Processing, e.LastExtraction!.Status);
        Assert.Contains("Extraction 'x1' was still 'processing' after waiting 300 ms", e.Message);
        Assert.Contains("ExtractionWaitOptions.Timeout", e.Message);
        Assert.True(server.RequestCount >= 2);
    }

    [Fact]
    public async Task The_deadline_cuts_off_a_read_the_server_holds()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Slowly(c, TimeSpan.FromMinutes(1), ExtractionJson.InStatus("x1", "completed")));
        using var client = TestClients.Create(server);
        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<ExtractionWaitTimeoutException>(() => client.WaitForExtractionAsync("x1", new ExtractionWaitOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

        Assert.True(clock.Elapsed < Generous, $"a 300 ms wait took {clock.Elapsed}");
        Assert.Null(e.LastExtraction);
        Assert.Contains("could not be read within the wait's 300 ms", e.Message);
    }

    [Fact]
    public async Task A_404_ends_the_wait_as_itself()
    {
        await using var server = await ExtractionServer.AnsweringAsync("""{"error":"Extraction not found"}""", status: 404);
        using var client = TestClients.Create(server);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.WaitForExtractionAsync("x1"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Cancelling_the_wait_throws_with_the_callers_token()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, ExtractionJson.InStatus("x1", "processing")));
        using var client = TestClients.Create(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForExtractionAsync("x1", null, cts.Token));

        Assert.Equal(cts.Token, e.CancellationToken);
    }

    [Theory]
    [InlineData("extraction.completed", "completed", ExtractionStatus.Completed)]
    [InlineData("extraction.failed", "failed", ExtractionStatus.Failed)]
    public async Task The_extractions_event_ends_a_wait_that_polls_every_minute_with_one_read_after_it(string type, string status, ExtractionStatus expected)
    {
        var done = false;
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, ExtractionJson.InStatus(ExtractionJson.Id, Volatile.Read(ref done) ? status : "processing")));
        using var client = TestClients.Create(server, o => { o.PollingInterval = TimeSpan.FromMinutes(1); o.Events = _hub; });

        var wait = client.WaitForExtractionAsync(ExtractionJson.Id);
        await Eventually(() => server.RequestCount == 1);
        _hub.Publish(Event("extraction.processing", ExtractionJson.Id, "processing")); // not an ending event: ignored
        _hub.Publish(Event(type, "someone-else", status));                            // another extraction's: ignored
        await Task.Delay(100);
        Assert.False(wait.IsCompleted);
        Volatile.Write(ref done, true);
        var clock = Stopwatch.StartNew();
        _hub.Publish(Event(type, ExtractionJson.Id, status));
        var extraction = await wait.WaitAsync(Generous);

        Assert.True(clock.Elapsed < Generous, $"the wait ended {clock.Elapsed} after the event");
        Assert.Equal(expected, extraction.Status);
        Assert.Equal(2, server.RequestCount); // the event carries a summary: the extraction is read once after it
        Assert.Equal(0, _hub.SubscriberCount);
    }

    [Fact]
    public async Task Mocks_throw_naming_the_wait_they_did_not_override()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => new BareMock().WaitForExtractionAsync("x1"));

        Assert.Contains("override WaitForExtractionAsync", e.Message);
    }

    private sealed class BareMock : TableFlowClient;

    private TableFlowEvent Event(string type, string extractionId, string status)
    {
        var body = Encoding.UTF8.GetBytes($$$"""
            {"event":"{{{type}}}","data":{"extraction_id":"{{{extractionId}}}","template_id":"JlLZVabDjYWzu7C9","file_name":"invoice.pdf",
             "file_type":{"key":"document","extension":"pdf","mime_type":"application/pdf"},"status":"{{{status}}}","created_at":1682366228}}
            """);
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        return _webhook.Verify(body, id, now.ToUnixTimeSeconds().ToString(), _webhook.Sign(id, now, body));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < Generous, "The condition did not become true in time.");
            await Task.Delay(10);
        }
    }
}
