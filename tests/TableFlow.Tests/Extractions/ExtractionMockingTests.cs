using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// A user unit-tests code that extracts documents with no server: every extraction method is virtual, an override
/// stands in, and a member the test forgot to set up throws naming itself.
/// </summary>
public sealed class ExtractionMockingTests
{
    /// <summary>The user's code under test: uploads an invoice, waits, and totals the line items.</summary>
    private static async Task<decimal> TotalAsync(TableFlowClient client, byte[] pdf, CancellationToken cancellationToken)
    {
        var started = await client.ExtractAsync(FlowFile.FromBytes(pdf, "invoice.pdf"), "JlLZVabDjYWzu7C9", cancellationToken: cancellationToken);
        var done = await client.WaitForExtractionAsync(started.Id, cancellationToken: cancellationToken);
        if (done.Status != ExtractionStatus.Completed) return -1;
        var total = 0m;
        await foreach (var row in client.ListExtractionRowsAsync(done.Id, "line_items", cancellationToken: cancellationToken))
        {
            total += decimal.Parse(row["amount"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return total;
    }

    private sealed class FakeClient : TableFlowClient
    {
        public List<string> Calls { get; } = [];

        public override Task<Extraction> ExtractAsync(FlowFile file, string templateId = "auto", ExtractionOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls.Add($"extract {file.FileName} {templateId}");
            return Task.FromResult(new Extraction { Id = "e1", Status = ExtractionStatus.Processing, StatusText = "processing" });
        }

        public override Task<Extraction> WaitForExtractionAsync(string extractionId, ExtractionWaitOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls.Add($"wait {extractionId}");
            return Task.FromResult(new Extraction { Id = extractionId, Status = ExtractionStatus.Completed, StatusText = "completed" });
        }

        public override async IAsyncEnumerable<ExtractionRow> ListExtractionRowsAsync(string extractionId, string tableKey, string? filter = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Calls.Add($"rows {extractionId} {tableKey}");
            foreach (var amount in new[] { "249.99", "995.76" })
            {
                await Task.Yield();
                yield return new ExtractionRow(0, new Dictionary<string, ExtractedValue> { ["amount"] = new(System.Text.Json.JsonDocument.Parse($"\"{amount}\"").RootElement) });
            }
        }
    }

    private sealed class BareMock : TableFlowClient;

    [Fact]
    public async Task Overriding_the_extraction_methods_mocks_them_for_the_code_under_test()
    {
        var client = new FakeClient();

        var total = await TotalAsync(client, [1, 2, 3], CancellationToken.None);

        Assert.Equal(1245.75m, total);
        Assert.Equal(["extract invoice.pdf JlLZVabDjYWzu7C9", "wait e1", "rows e1 line_items"], client.Calls);
    }

    [Fact]
    public void Every_extraction_method_is_virtual()
    {
        var names = new[] { "ExtractAsync", "GetExtractionAsync", "ListExtractionsAsync", "ListExtractionRowsAsync", "DownloadExtractionTableAsync", "DownloadOriginalAsync", "WaitForExtractionAsync" };
        var methods = typeof(TableFlowClient).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => names.Contains(m.Name)).ToList();

        Assert.Equal(names.OrderBy(n => n), methods.Select(m => m.Name).OrderBy(n => n));
        Assert.All(methods, m => Assert.True(m.IsVirtual && !m.IsFinal, $"{m.Name} is not overridable"));
    }

    [Fact]
    public async Task Members_a_mock_does_not_override_throw_naming_themselves()
    {
        var mock = new BareMock();

        Assert.Contains("override ExtractAsync", (await Assert.ThrowsAsync<InvalidOperationException>(() => mock.ExtractAsync(FlowFile.FromBytes(new byte[1], "a.pdf")))).Message);
        Assert.Contains("override GetExtractionAsync", (await Assert.ThrowsAsync<InvalidOperationException>(() => mock.GetExtractionAsync("x1"))).Message);
        Assert.Contains("override ListExtractionsAsync", Assert.Throws<InvalidOperationException>(() => mock.ListExtractionsAsync()).Message);
        Assert.Contains("override ListExtractionRowsAsync", Assert.Throws<InvalidOperationException>(() => mock.ListExtractionRowsAsync("x1", "t")).Message);
        Assert.Contains("override DownloadExtractionTableAsync", (await Assert.ThrowsAsync<InvalidOperationException>(() => mock.DownloadExtractionTableAsync("x1", "t"))).Message);
        Assert.Contains("override DownloadOriginalAsync", (await Assert.ThrowsAsync<InvalidOperationException>(() => mock.DownloadOriginalAsync("x1"))).Message);
        Assert.Contains("override WaitForExtractionAsync", (await Assert.ThrowsAsync<InvalidOperationException>(() => mock.WaitForExtractionAsync("x1"))).Message);
    }
}
