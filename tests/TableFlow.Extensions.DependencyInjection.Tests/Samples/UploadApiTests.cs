using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UploadApi;

namespace TableFlow.Extensions.DependencyInjection.Tests.Samples;

/// <summary>The upload API, started as its Program starts it, on a loopback port, posted to as a browser posts.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class UploadApiTests
{
    private static readonly byte[] Po = "%PDF-1.4 purchase order PO-1001"u8.ToArray();
    private static readonly byte[] Invoice = "%PDF-1.4 invoice INV-1001"u8.ToArray();

    [Fact]
    public async Task A_browser_form_starts_a_run_answered_as_JSON_that_GET_reads_until_it_completes()
    {
        using var environment = Offline();
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        using var response = await http.PostAsync("/reconciliations", Form(("name", null, "PO-1001 check"u8.ToArray()), ("purchase_order", "PO 1001.pdf", Po), ("invoice", "INV-1001.pdf", Invoice)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal($"/reconciliations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("dk4g1tUg1uHLs8YU", run.GetProperty("flow_id").GetString());
        Assert.Equal("processing", run.GetProperty("status").GetString());
        Assert.Equal("PO 1001.pdf", run.GetProperty("purchase_order").GetString());
        Assert.Equal("INV-1001.pdf", run.GetProperty("invoice").GetString());

        var emulated = Assert.Single(app.Emulator.Runs);
        Assert.Equal("PO-1001 check", emulated.Name);
        Assert.Equal(Po, emulated.Files.Single(f => f.FieldKey == "purchase_order").Content.ToArray());
        Assert.Equal(Invoice, emulated.Files.Single(f => f.FieldKey == "invoice").Content.ToArray());

        var status = "processing";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (status == "processing")
        {
            await Task.Delay(100, timeout.Token);
            var read = await http.GetFromJsonAsync<JsonElement>($"/reconciliations/{id}", timeout.Token);
            status = read.GetProperty("status").GetString();
        }

        Assert.Equal("completed", status);
    }

    [Fact]
    public async Task A_form_with_the_invoice_before_the_purchase_order_is_refused_with_the_order_to_send()
    {
        using var environment = Offline();
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        using var response = await http.PostAsync("/reconciliations", Form(("invoice", "INV-1001.pdf", Invoice), ("purchase_order", "PO-1001.pdf", Po)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("send name, then purchase_order, then invoice", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Emulator.Runs);
    }

    [Fact]
    public async Task An_invoice_that_is_not_a_PDF_is_refused_and_no_run_starts()
    {
        using var environment = Offline();
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        using var response = await http.PostAsync("/reconciliations", Form(("purchase_order", "PO-1001.pdf", Po), ("invoice", "notes.txt", "hello"u8.ToArray())));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The invoice 'notes.txt' is not a PDF.", await response.Content.ReadAsStringAsync());
        Assert.Empty(app.Emulator.Runs);
    }

    [Fact]
    public async Task The_page_at_the_root_is_a_form_with_the_three_fields_posting_multipart_to_reconciliations()
    {
        using var environment = Offline();
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = app.Address };

        var page = await http.GetStringAsync("/");

        Assert.Contains("action=\"/reconciliations\" enctype=\"multipart/form-data\"", page);
        Assert.Contains("name=\"name\"", page);
        Assert.Contains("name=\"purchase_order\" type=\"file\"", page);
        Assert.Contains("name=\"invoice\" type=\"file\"", page);
        Assert.Contains("fetch(\"/reconciliations\")", page);
    }

    internal static MultipartFormDataContent Form(params (string Key, string? FileName, byte[] Content)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, fileName, content) in parts)
        {
            var part = new ByteArrayContent(content);
            if (fileName is null)
            {
                form.Add(part, key);
            }
            else
            {
                part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "text/plain");
                form.Add(part, key, fileName);
            }
        }

        return form;
    }

    internal static EnvironmentScope Offline() => new EnvironmentScope().Set("TABLEFLOW_API_KEY", null).Set("TableFlow__ApiKey", null);

    internal static async Task<RunningApp> StartAsync(params string[] args)
    {
        var app = await UploadApiApp.BuildAsync(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", .. args]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address));
    }

    internal sealed class RunningApp(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public TableFlow.Testing.TableFlowEmulator Emulator => app.Services.GetRequiredService<TableFlow.Testing.TableFlowEmulator>();

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
