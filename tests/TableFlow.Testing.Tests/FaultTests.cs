using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests;

public sealed class FaultTests : IAsyncLifetime
{
    private TableFlowEmulator _emulator = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TableFlowEmulator.StartAsync();
        _emulator.AddFlow("f", f => f.File("doc", required: true));
        _http = _emulator.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task A_429_carries_Retry_After_in_whole_seconds_and_only_the_next_n_requests_get_it()
    {
        _emulator.Faults.Next(2, Fault.Status(429, retryAfter: TimeSpan.FromSeconds(1.5)));
        Assert.Equal(2, _emulator.Faults.Pending);

        for (var i = 0; i < 2; i++)
        {
            using var limited = await _http.GetAsync("v2/flows");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
            Assert.Contains("\"error\":\"Too many requests\"", await limited.Content.ReadAsStringAsync());
        }

        using var normal = await _http.GetAsync("v2/flows");
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal(0, _emulator.Faults.Pending);
        Assert.Equal([429, 429, 200], _emulator.Requests.Select(r => r.StatusCode ?? 0));
        Assert.Equal(FaultKind.Status, _emulator.Requests[0].Fault!.Kind);
        Assert.Null(_emulator.Requests[2].Fault);
    }

    [Fact]
    public async Task A_500_on_a_run_request_reaches_the_client_and_the_run_is_sent_once_and_not_recorded()
    {
        using var client = _emulator.CreateClient();
        _emulator.Faults.Next(1, Fault.Status(500));

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync("f", Request()));

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Single(_emulator.Requests, r => r.Method == "POST");
        Assert.Empty(_emulator.Runs);
    }

    [Fact]
    public async Task The_client_honours_Retry_After_from_an_injected_429_and_the_run_is_taken_once()
    {
        using var client = _emulator.CreateClient();
        _emulator.Faults.Next(1, Fault.Status(429, TimeSpan.FromSeconds(1)), method: "POST");

        var watch = Stopwatch.StartNew();
        var run = await client.RunFlowAsync("f", Request());

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"resent after {watch.Elapsed}, before Retry-After");
        Assert.Equal([429, 200], _emulator.Requests.Where(r => r.Method == "POST").Select(r => r.StatusCode ?? 0));
        Assert.Equal(run.Id, Assert.Single(_emulator.Runs).Id);
    }

    [Fact]
    public async Task A_delay_holds_the_answer_and_then_answers_normally()
    {
        _emulator.Faults.Next(1, Fault.Delay(TimeSpan.FromMilliseconds(400)));
        var watch = Stopwatch.StartNew();
        using var response = await _http.GetAsync("v2/flows/runs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task A_delay_longer_than_the_clients_timeout_surfaces_as_a_timeout_and_records_no_run()
    {
        using var client = _emulator.CreateClient(new TableFlowClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        _emulator.Faults.Next(1, Fault.Delay(TimeSpan.FromSeconds(5)));

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f", Request()));

        Assert.IsNotType<TableFlowApiException>(e);
        Assert.Contains("RequestTimeout", e.Message);
        Assert.Empty(_emulator.Runs);
    }

    [Fact]
    public async Task A_dropped_connection_fails_the_request_without_an_answer()
    {
        _emulator.Faults.Next(1, Fault.Drop());
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync("v2/flows"));

        using var client = _emulator.CreateClient();
        _emulator.Faults.Next(1, Fault.Drop(), method: "POST");
        await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f", Request()));
        Assert.Empty(_emulator.Runs);
        Assert.Equal(2, _emulator.Requests.Count(r => r.StatusCode is null && r.Fault?.Kind == FaultKind.Drop));
    }

    [Fact]
    public async Task A_fault_filtered_by_method_and_path_leaves_other_requests_alone()
    {
        _emulator.Faults.Next(1, Fault.Status(503, TimeSpan.FromSeconds(3)), method: "POST", path: "/v2/flows/*/run");
        using var client = _emulator.CreateClient();

        using (var read = await _http.GetAsync("v2/flows/runs")) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using (var otherPost = await _http.PostAsync("v2/flows", new StringContent(""))) Assert.Equal(HttpStatusCode.MethodNotAllowed, otherPost.StatusCode);
        Assert.Equal(1, _emulator.Faults.Pending);

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync("f", Request()));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        var run = await client.RunFlowAsync("f", Request());
        Assert.Equal(run.Id, Assert.Single(_emulator.Runs).Id);
    }

    [Fact]
    public async Task Clear_removes_queued_faults_and_bad_fault_arguments_are_refused()
    {
        _emulator.Faults.Next(3, Fault.Status(500)).Next(1, Fault.Drop());
        Assert.Equal(4, _emulator.Faults.Pending);
        _emulator.Faults.Clear();
        using (var response = await _http.GetAsync("v2/flows")) Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.Status(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => _emulator.Faults.Next(0, Fault.Drop()));
        Assert.Throws<ArgumentException>(() => _emulator.Faults.Next(1, Fault.Drop(), path: "v2/flows"));
    }

    private static FlowRunRequest Request() => new FlowRunRequest().AddFile("doc", FlowFile.FromBytes(new byte[] { 1, 2, 3 }, "a.pdf"));

    [Theory]
    [InlineData("status")]
    [InlineData("drop")]
    [InlineData("delay")]
    public async Task A_fault_after_processing_records_the_run_and_loses_only_its_answer(string kind)
    {
        using var client = _emulator.CreateClient(new TableFlowClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(1500), MaxRetries = 0 });
        var fault = kind switch
        {
            "status" => Fault.Status(503).AfterProcessing(),
            "drop" => Fault.Drop().AfterProcessing(),
            _ => Fault.Delay(TimeSpan.FromSeconds(10)).AfterProcessing(),
        };
        _emulator.Faults.Next(1, fault, method: "POST");

        var e = await Assert.ThrowsAnyAsync<TableFlowException>(() => client.RunFlowAsync("f", Request()));

        Assert.True(e.RunMayHaveStarted);
        Assert.Single(_emulator.Runs);

        // A held answer is recorded when the emulator sees the client go away, which can come just after the client's
        // own timeout has ended the call.
        for (var waited = Stopwatch.StartNew(); !_emulator.Requests.Any(r => r.Method == "POST") && waited.Elapsed < TimeSpan.FromSeconds(10);)
        {
            await Task.Delay(20);
        }

        var request = Assert.Single(_emulator.Requests, r => r.Method == "POST");
        Assert.True(request.Fault!.IsAfterProcessing);
        Assert.Equal(kind == "status" ? 503 : null, request.StatusCode); // the dropped and the held answer never left
        Assert.EndsWith("after processing", request.Fault.ToString());
    }

    [Fact]
    public async Task A_fault_after_processing_of_a_refused_request_answers_the_refusal()
    {
        using var client = _emulator.CreateClient();
        _emulator.Faults.Next(1, Fault.Status(503).AfterProcessing(), method: "POST");

        var e = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync("f", new FlowRunRequest().AddFile("other", FlowFile.FromBytes(new byte[1], "x.pdf"))));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.False(e.RunMayHaveStarted);
        Assert.Empty(_emulator.Runs);
    }
}
