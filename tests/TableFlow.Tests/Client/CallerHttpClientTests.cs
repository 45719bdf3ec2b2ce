using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.Client;

/// <summary>
/// An <see cref="HttpClient"/> the caller passes in keeps the client's guarantees even when its handler would break
/// them: a redirect answering a run request never gets the body posted again, and a handler that retries on its own
/// cannot post a run twice.
/// </summary>
public sealed class CallerHttpClientTests
{
    private static FlowRunRequest Request() => new FlowRunRequest().AddFile("invoice", FlowFile.FromBytes(new byte[50_000], "invoice.pdf"));

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task Redirect_answering_a_run_request_is_not_followed_with_the_body_even_when_the_handler_follows_redirects(int status)
    {
        // The target answers anything with a run, so a client that followed the redirect would look successful.
        var bodyBytesAtTarget = new ConcurrentQueue<long>();
        await using var target = await LoopbackServer.StartAsync(async c =>
        {
            long bytes;
            try
            {
                bytes = await Respond.Drain(c);
            }
            catch (Exception)
            {
                bytes = -1; // cut off before the end
            }

            bodyBytesAtTarget.Enqueue(bytes);
            await Respond.Json(c, 200, RunJson.Run("elsewhere1", "processing"));
        });
        await using var api = await LoopbackServer.StartAsync(async c =>
        {
            await Respond.Drain(c);
            c.Response.StatusCode = status;
            c.Response.Headers.Location = new Uri(target.BaseAddress, "v2/flows/f1/run").ToString();
        });
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var client = TestClients.Create(http, api.BaseAddress);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Request()));

        Assert.False(e.RunMayHaveStarted);
        Assert.Contains("redirect", e.Message);
        Assert.Contains("AllowAutoRedirect", e.Message);
        Assert.Contains(target.BaseAddress.GetLeftPart(UriPartial.Authority), e.Message);
        Assert.Equal(1, api.RequestCount);
        Assert.DoesNotContain(bodyBytesAtTarget, b => b > 0);
        Assert.All(target.Requests, r => Assert.True(string.IsNullOrEmpty(r.Authorization), "the key went to the redirect target"));
    }

    [Fact]
    public async Task Handler_that_retries_on_its_own_cannot_post_a_run_twice()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 503, """{"error": "Service unavailable"}"""));
        using var http = new HttpClient(new RetryingHandler(new SocketsHttpHandler()));
        using var client = TestClients.Create(http, server.BaseAddress);

        var e = await Assert.ThrowsAsync<TableFlowException>(() => client.RunFlowAsync("f1", Request()));

        Assert.True(e.RunMayHaveStarted);
        Assert.Contains("tried to send the run request a second time", e.Message);
        Assert.Equal(1, server.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Reads_through_a_callers_HttpClient_still_work()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 200, RunJson.Run("r1", "completed")));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var client = TestClients.Create(http, server.BaseAddress);

        Assert.Equal("r1", (await client.GetFlowRunAsync("r1")).Id);
        Assert.Equal("r1", (await client.RunFlowAsync("f1", Request())).Id);
    }

    /// <summary>A resilience handler as a caller might configure one: sends the same request again after a 5xx.</summary>
    private sealed class RetryingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500) return response;
            response.Dispose();
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
