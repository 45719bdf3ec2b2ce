using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using TableFlow.Cli.Running;

namespace TableFlow.Cli.Commands;

/// <summary><c>tableflow runs</c>: the workspace's latest runs as a table (or JSON), newest first.</summary>
internal static class RunsCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var flow = new Option<string?>("--flow") { Description = "Only the runs of this flow." };
        var status = new Option<string?>("--status") { Description = "Only runs in this status: processing, review, completed or failed." };
        status.AcceptOnlyFromAmong("processing", "review", "completed", "failed");
        var limit = new Option<int>("--limit", "-n") { Description = "How many runs to show (default 20).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the runs as a JSON array (the API's shape) instead of a table." };
        var command = new Command("runs", "List the latest runs, newest first.") { flow, status, limit, json };
        api.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.GuardAsync(context, () => ListAsync(
            context, api, parsed, parsed.GetValue(flow), parsed.GetValue(status), parsed.GetValue(limit), parsed.GetValue(json), cancellationToken)));
        return command;
    }

    private static async Task<int> ListAsync(CliContext context, ApiOptions api, ParseResult parsed, string? flowId, string? status, int limit, bool json, CancellationToken cancellationToken)
    {
        if (limit < 1 || limit > FlowRunQuery.MaxLimit) throw new CliException($"--limit must be between 1 and {FlowRunQuery.MaxLimit}.");
        using var client = api.CreateClient(parsed);
        var query = new FlowRunQuery { FlowId = flowId, Status = status is null ? null : Enum.Parse<FlowRunStatus>(status, ignoreCase: true), Limit = limit };
        var runs = new List<FlowRun>();
        await foreach (var run in client.ListFlowRunsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            runs.Add(run);
            if (runs.Count == limit) break;
        }

        if (json)
        {
            context.Out.WriteLine(RunJson.Write(runs));
            return ExitCodes.Success;
        }

        if (runs.Count == 0)
        {
            context.Out.WriteLine("No runs.");
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("Run", "Flow", "Status", "Started", "Duration", "Error");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(run.Id),
                Markup.Escape(run.FlowId),
                StatusMarkup(run),
                Markup.Escape(run.CreatedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                run.IsTerminal ? $"{run.Duration.TotalSeconds:0.#} s" : "",
                Markup.Escape(run.Error ?? ""));
        }

        context.Console.Write(table);
        return ExitCodes.Success;
    }

    private static string StatusMarkup(FlowRun run)
    {
        var color = run.Status switch
        {
            FlowRunStatus.Completed => "green",
            FlowRunStatus.Failed => "red",
            FlowRunStatus.Review => "yellow",
            _ => "blue",
        };
        return $"[{color}]{Markup.Escape(run.StatusText)}[/]";
    }
}
