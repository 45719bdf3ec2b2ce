using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TableFlow.Testing;

namespace TableFlow.Tests.Diagnostics;

/// <summary>The client's log events through <see cref="TableFlowClientOptions.LoggerFactory"/>, over real HTTP against the emulator.</summary>
public sealed class LoggingTests
{
    private const string FlowId = "logs0flow0000001";
    private const string Key = "tf_live_LOGSECRET_5a1f9e0c77b2";
    private const string FileContent = "%PDF-1.4 CONTENT-SECRET-b81d2c";
    private const string FileName = "NAME-SECRET-Jane-Doe-payslip.pdf";
    private const string MetadataValue = "META-SECRET-4417";
    private const string RunName = "RUNNAME-SECRET-0c9e";

    [Fact]
    public async Task A_run_a_retry_a_wait_and_an_unknown_outcome_are_logged_without_the_key_file_names_contents_or_metadata()
    {
        await using var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ApiKey = Key, ProcessingTime = TimeSpan.FromMilliseconds(150) });
        emulator.AddFlow(FlowId, f => f.File("invoice", required: true));
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = emulator.CreateClient(new TableFlowClientOptions
        {
            LoggerFactory = factory,
            PollingInterval = TimeSpan.FromMilliseconds(20),
            RetryDelay = TimeSpan.FromMilliseconds(5),
        });

        emulator.Faults.Next(1, Fault.Status(503), method: "GET");
        var started = await client.RunFlowAsync(FlowId, Request());
        var finished = await client.WaitForFlowRunAsync(started);
        emulator.Faults.Next(1, Fault.Status(500).AfterProcessing(), method: "POST");
        var unknown = await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync(FlowId, Request()));

        Assert.Equal(FlowRunStatus.Completed, finished.Status);
        Assert.True(unknown.RunMayHaveStarted);
        var records = logs.Collector.GetSnapshot();
        Assert.All(records, r => Assert.Equal("TableFlow.TableFlowClient", r.Category));

        var runStarted = Assert.Single(records, r => r.Id.Id == 1001);
        Assert.Equal(("RunStarted", LogLevel.Information), (runStarted.Id.Name, runStarted.Level));
        Assert.Equal(FlowId, runStarted.GetStructuredStateValue("FlowId"));
        Assert.Equal(started.Id, runStarted.GetStructuredStateValue("RunId"));

        var retried = Assert.Single(records, r => r.Id.Id == 1010);
        Assert.Equal(LogLevel.Warning, retried.Level);
        Assert.Equal(("GetFlowRun", "1", "503"), (retried.GetStructuredStateValue("Operation"), retried.GetStructuredStateValue("Attempt"), retried.GetStructuredStateValue("Reason")));

        var polls = records.Where(r => r.Id.Id == 1020).ToList();
        Assert.NotEmpty(polls);
        Assert.All(polls, p => Assert.Equal(LogLevel.Debug, p.Level));
        Assert.Equal("completed", polls[^1].GetStructuredStateValue("RunStatus"));

        var ended = Assert.Single(records, r => r.Id.Id == 1021);
        Assert.Equal(LogLevel.Information, ended.Level);
        Assert.Equal(("completed", started.Id), (ended.GetStructuredStateValue("RunStatus"), ended.GetStructuredStateValue("RunId")));

        var outcomeUnknown = Assert.Single(records, r => r.Id.Id == 1003);
        Assert.Equal(("RunOutcomeUnknown", LogLevel.Warning), (outcomeUnknown.Id.Name, outcomeUnknown.Level));
        Assert.Equal("500", outcomeUnknown.GetStructuredStateValue("ErrorType"));

        foreach (var record in records)
        {
            Assert.Null(record.Exception);
            var texts = new List<string> { record.Message };
            texts.AddRange((record.StructuredState ?? []).Select(p => $"{p.Key}={p.Value}"));
            foreach (var text in texts)
            {
                foreach (var secret in new[] { Key, FileContent, FileName, "payslip", MetadataValue, RunName }) Assert.DoesNotContain(secret, text);
            }
        }
    }

    [Fact]
    public async Task A_refused_run_request_is_a_warning_that_says_no_run_started()
    {
        await using var emulator = await TableFlowEmulator.StartAsync();
        emulator.AddFlow(FlowId, f => f.File("invoice", required: true).File("contract", required: true));
        var logs = new FakeLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var client = emulator.CreateClient(new TableFlowClientOptions { LoggerFactory = factory });

        await Assert.ThrowsAsync<TableFlowApiException>(() => client.RunFlowAsync(FlowId, Request()));

        var record = Assert.Single(logs.Collector.GetSnapshot());
        Assert.Equal((1002, "RunRequestFailed", LogLevel.Warning), (record.Id.Id, record.Id.Name, record.Level));
        Assert.Equal("400", record.GetStructuredStateValue("ErrorType"));
    }

    private static FlowRunRequest Request()
        => new FlowRunRequest { Name = RunName, Metadata = new JsonObject { ["customer"] = MetadataValue } }
            .AddFile("invoice", FlowFile.FromBytes(System.Text.Encoding.UTF8.GetBytes(FileContent), FileName), new JsonObject { ["po"] = MetadataValue }, "guidance " + MetadataValue);
}
