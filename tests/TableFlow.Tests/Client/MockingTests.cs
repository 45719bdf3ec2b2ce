using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Integration;

namespace TableFlow.Tests.Client;

/// <summary>
/// A user unit-tests their own code that runs a typed flow, with no server: they subclass <see cref="TableFlowClient"/>
/// and override <see cref="TableFlowClient.RunFlowAsync"/>, which every generated <c>RunAsync</c> calls.
/// </summary>
public sealed class MockingTests
{
    /// <summary>The user's code under test: it runs the seed flow for one purchase order and reports the outcome.</summary>
    private sealed class Reconciler(SeedFlow flow, TableFlowClient client)
    {
        public async Task<string> ReconcileAsync(string poNumber, byte[] po, byte[] invoice, CancellationToken cancellationToken)
        {
            var run = await flow.RunAsync(
                FlowFile.FromBytes(po, $"{poNumber}.pdf"),
                FlowFile.FromBytes(invoice, "invoice.pdf"),
                name: $"{poNumber} reconciliation",
                cancellationToken: cancellationToken);
            run = await client.WaitForFlowRunAsync(run, cancellationToken);
            return run.Status == FlowRunStatus.Completed ? "reconciled" : $"not reconciled: {run.Error}";
        }
    }

    /// <summary>What a user writes in their test project: a client that records run requests and answers with a canned run.</summary>
    private sealed class FakeClient(FlowRun answer) : TableFlowClient
    {
        public List<(string FlowId, FlowRunRequest Request)> Started { get; } = [];

        public override Task<FlowRun> RunFlowAsync(string flowId, FlowRunRequest request, CancellationToken cancellationToken = default)
        {
            Started.Add((flowId, request));
            return Task.FromResult(answer);
        }
    }

    /// <summary>A fake that also stands in for the wait, for a run that is still processing when it starts.</summary>
    private sealed class FakeClientWithWait(FlowRun started, FlowRun finished) : TableFlowClient
    {
        public int Waits { get; private set; }

        public override Task<FlowRun> RunFlowAsync(string flowId, FlowRunRequest request, CancellationToken cancellationToken = default)
            => Task.FromResult(started);

        public override Task<FlowRun> WaitForFlowRunAsync(FlowRun run, FlowRunWaitOptions? options = null, CancellationToken cancellationToken = default)
        {
            Waits++;
            return Task.FromResult(finished);
        }
    }

    /// <summary>A mock whose test forgot to set anything up.</summary>
    private sealed class BareMock : TableFlowClient;

    [Fact]
    public async Task Overriding_RunFlowAsync_mocks_a_generated_RunAsync()
    {
        var client = new FakeClient(new FlowRun { Id = "run-1", FlowId = SeedFlow.FlowId, Status = FlowRunStatus.Completed, StatusText = "completed" });
        var reconciler = new Reconciler(new SeedFlow(client), client);

        var outcome = await reconciler.ReconcileAsync("PO-123", [1, 2, 3], [4, 5], CancellationToken.None);

        Assert.Equal("reconciled", outcome);
        var (flowId, request) = Assert.Single(client.Started);
        Assert.Equal("dk4g1tUg1uHLs8YU", flowId);
        Assert.Equal("PO-123 reconciliation", request.Name);
        Assert.Equal(["purchase_order", "invoice"], request.Fields.Select(f => f.Key));
        Assert.Equal("PO-123.pdf", request.Fields[0].Files[0].FileName);
        Assert.StartsWith("The PO number may include revision info", request.Fields[0].Guidance); // the declaration's default guidance
    }

    [Fact]
    public async Task A_mocked_failed_run_reaches_the_code_under_test()
    {
        // No Id: a finished run needs none to be waited for.
        var client = new FakeClient(new FlowRun { Status = FlowRunStatus.Failed, StatusText = "failed", Error = "Template not found" });

        var outcome = await new Reconciler(new SeedFlow(client), client).ReconcileAsync("PO-9", [1], [2], CancellationToken.None);

        Assert.Equal("not reconciled: Template not found", outcome);
    }

    [Fact]
    public async Task Overriding_the_wait_covers_the_overload_that_takes_only_a_token()
    {
        var client = new FakeClientWithWait(
            new FlowRun { Id = "run-3", Status = FlowRunStatus.Processing, StatusText = "processing" },
            new FlowRun { Id = "run-3", Status = FlowRunStatus.Completed, StatusText = "completed" });

        var outcome = await new Reconciler(new SeedFlow(client), client).ReconcileAsync("PO-7", [1], [2], CancellationToken.None);

        Assert.Equal("reconciled", outcome);
        Assert.Equal(1, client.Waits);
    }

    [Fact]
    public async Task A_mock_used_without_setup_fails_with_a_clear_error_naming_the_method()
    {
        using var mock = new BareMock();
        var processing = new FlowRun { Id = "run-4", Status = FlowRunStatus.Processing, StatusText = "processing" };

        var errors = new[]
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => mock.RunFlowAsync("f1", new FlowRunRequest())),
            await Assert.ThrowsAsync<InvalidOperationException>(() => mock.GetFlowRunAsync("r1")),
            await Assert.ThrowsAsync<InvalidOperationException>(() => mock.WaitForFlowRunAsync("r1")),
            await Assert.ThrowsAsync<InvalidOperationException>(() => mock.WaitForFlowRunAsync(processing, CancellationToken.None)),
            Assert.Throws<InvalidOperationException>(() => mock.ListFlowRunsAsync()),
            Assert.Throws<InvalidOperationException>(() => mock.ListFlowRunsAsync("f1")),
            Assert.Throws<InvalidOperationException>(() => mock.BaseAddress),
        };

        Assert.All(errors, e => Assert.Contains("protected constructor meant for mocking", e.Message));
        Assert.Contains("override RunFlowAsync", errors[0].Message);
        Assert.Contains("override GetFlowRunAsync", errors[1].Message);
        Assert.Contains("override WaitForFlowRunAsync", errors[2].Message);
        Assert.Contains("override ListFlowRunsAsync", errors[4].Message);
        Assert.Contains("override BaseAddress", errors[6].Message);
    }

    [Fact]
    public void Every_public_member_can_be_overridden()
    {
        var type = typeof(TableFlowClient);
        var notVirtual = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual || m.IsFinal)
            .Select(m => m.Name)
            .Where(name => name != nameof(IDisposable.Dispose)) // the Dispose pattern: subclasses override Dispose(bool)
            .ToArray();

        Assert.Empty(notVirtual);
        Assert.False(type.IsSealed);
        var forMocking = type.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes);
        Assert.True(forMocking?.IsFamily, "a protected parameterless constructor");
    }
}
