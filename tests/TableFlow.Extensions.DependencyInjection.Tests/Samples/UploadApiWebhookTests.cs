using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using UploadApi;

namespace TableFlow.Extensions.DependencyInjection.Tests.Samples;

/// <summary>The upload API on loopback against its in-process emulator, which delivers its signed webhooks back to the app.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class UploadApiWebhookTests
{
    private static readonly byte[] Po = "%PDF-1.4 purchase order PO-1001"u8.ToArray();
    private static readonly byte[] Invoice = "%PDF-1.4 invoice INV-1001"u8.ToArray();

    [Fact]
    public async Task A_finished_run_is_listed_because_its_webhook_arrived_not_because_the_app_read_it()
    {
        using var environment = UploadApiTests.Offline();
        await using var app = await UploadApiTests.StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        Assert.Equal("[]", await http.GetStringAsync("/reconciliations"));
        using var response = await http.PostAsync("/reconciliations", UploadApiTests.Form(("name", null, "PO-1001 check"u8.ToArray()), ("purchase_order", "PO-1001.pdf", Po), ("invoice", "INV-1001.pdf", Invoice)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Only the app's own list is read here; the run itself is never asked for.
        JsonElement listed;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var list = await http.GetFromJsonAsync<JsonElement>("/reconciliations", timeout.Token);
            if (list.GetArrayLength() > 0)
            {
                listed = Assert.Single(list.EnumerateArray());
                break;
            }

            await Task.Delay(50, timeout.Token);
        }

        Assert.Equal("flow.run.completed", listed.GetProperty("event").GetString());
        Assert.Equal(id, listed.GetProperty("run").GetProperty("id").GetString());
        Assert.Equal("completed", listed.GetProperty("run").GetProperty("status").GetString());

        // It came through the webhook endpoint: the emulator delivered that message to the app, and the app never read
        // the run from TableFlow.
        var delivery = Assert.Single(app.Emulator.Webhooks.Deliveries, d => d.Succeeded);
        Assert.Equal(new Uri(app.Address, UploadApiApp.WebhookPath), delivery.Url);
        Assert.Equal(id, delivery.RunId);
        Assert.Equal(delivery.MessageId, listed.GetProperty("message_id").GetString());
        Assert.DoesNotContain(app.Emulator.Requests, r => r.Method == "GET" && r.Path.Contains(id, StringComparison.Ordinal));

        // GET /reconciliations/{id} still reads the run.
        var read = await http.GetFromJsonAsync<JsonElement>($"/reconciliations/{id}");
        Assert.Equal("completed", read.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unsigned_webhook_is_refused_and_lists_nothing()
    {
        using var environment = UploadApiTests.Offline();
        await using var app = await UploadApiTests.StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        using var forged = await http.PostAsync(UploadApiApp.WebhookPath, new StringContent("""{"event":"flow.run.completed","data":{"id":"run_forged","flow_id":"f","status":"completed"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("[]", await http.GetStringAsync("/reconciliations"));
    }
}
