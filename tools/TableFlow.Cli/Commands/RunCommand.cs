using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using TableFlow.Cli.Flows;
using TableFlow.Cli.Running;

namespace TableFlow.Cli.Commands;

/// <summary>
/// <c>tableflow run &lt;flow id&gt; key=@file …</c>: the API docs' curl request, checked against the flow definition
/// file first, with upload progress and, with <c>--wait</c>, the run followed to its end.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var flowId = new Argument<string>("flow-id") { Description = "The id of the flow to run." };
        var files = new Argument<string[]>("files")
        {
            Description = "The files, as key=@path (a key given twice sends several files: key_1, key_2, …).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var name = new Option<string?>("--name") { Description = "The run's name, shown in the TableFlow UI." };
        var metadata = new Option<string?>("--metadata") { Description = "The run's metadata, a JSON object: '{\"customer_id\": \"12345\"}'." };
        var fileMetadata = new Option<string[]>("--file-metadata")
        {
            Description = "Metadata for one file field, key='{...}' (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var guidance = new Option<string[]>("--guidance")
        {
            Description = "Extraction hints for one file field, key=text (repeatable).",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var wait = new Option<bool>("--wait") { Description = "Wait until the run completes, fails or stops for review, printing its status as it changes." };
        var timeout = new Option<double?>("--timeout") { Description = "With --wait: give up after this many seconds (exit code 1; default 30 minutes)." };
        var flows = new Option<string?>("--flows") { Description = "The flow definition file to check the files against (default: ./tableflow.json when it exists)." };
        var json = new Option<bool>("--json") { Description = "Print the run as JSON (the API's shape) instead of text." };

        var command = new Command("run", "Run a flow: upload its files and start a run (exit code 0 started or completed, 1 failed or timed out, 2 bad input or API error, 3 waiting for review).")
        {
            flowId, files, name, metadata, fileMetadata, guidance, wait, timeout, flows, json,
        };
        api.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.GuardAsync(context, () => RunAsync(context, api, parsed, new Arguments(
            parsed.GetValue(flowId)!,
            parsed.GetValue(files) ?? [],
            parsed.GetValue(name),
            parsed.GetValue(metadata),
            parsed.GetValue(fileMetadata) ?? [],
            parsed.GetValue(guidance) ?? [],
            parsed.GetValue(wait),
            parsed.GetValue(timeout),
            parsed.GetValue(flows),
            parsed.GetValue(json)), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, ApiOptions api, ParseResult parsed, Arguments args, CancellationToken cancellationToken)
    {
        // Everything that can be checked here is checked before a byte is sent.
        var files = KeyValueArguments.Files(args.Files);
        var guidance = KeyValueArguments.Guidance(args.Guidance);
        var fileMetadata = KeyValueArguments.FileMetadata(args.FileMetadata);
        var runMetadata = args.Metadata is null ? null : KeyValueArguments.JsonObjectArgument(args.Metadata, "--metadata");
        foreach (var key in guidance.Keys.Concat(fileMetadata.Keys))
        {
            if (!files.Any(f => f.Key == key)) throw new CliException($"--guidance/--file-metadata name '{key}', which has no file on the command line (give it as {key}=@<file>).");
        }

        if (args.Timeout is { } seconds && (double.IsNaN(seconds) || seconds <= 0)) throw new CliException("--timeout must be a positive number of seconds.");

        var flowsPath = args.Flows ?? (File.Exists(FlowsFile.DefaultName) ? FlowsFile.DefaultName : null);
        var flow = flowsPath is null ? null : RunChecks.Check(FlowsFile.Read(flowsPath), args.FlowId, files);
        foreach (var (key, paths) in files)
        {
            foreach (var path in paths)
            {
                if (!File.Exists(path)) throw new CliException($"file not found: '{path}' (for '{key}').");
            }
        }

        using var client = api.CreateClient(parsed);
        var streams = new List<ProgressStream>();
        try
        {
            long uploaded = 0;
            var request = new FlowRunRequest { Name = args.Name, Metadata = runMetadata };
            foreach (var (key, paths) in files)
            {
                var field = flow?.Field(key);
                var flowFiles = new List<FlowFile>();
                foreach (var path in paths)
                {
                    var stream = new ProgressStream(File.OpenRead(path), n => Interlocked.Add(ref uploaded, n));
                    streams.Add(stream);
                    var file = FlowFile.FromStream(stream, Path.GetFileName(path));
                    field?.ToFieldInfo().Validate(file);
                    flowFiles.Add(file);
                }

                fileMetadata.TryGetValue(key, out var metadataOfKey);
                guidance.TryGetValue(key, out var guidanceOfKey);
                if (field?.Multiple == true || flowFiles.Count > 1) request.AddFiles(key, flowFiles, metadataOfKey, guidanceOfKey);
                else request.AddFile(key, flowFiles[0], metadataOfKey, guidanceOfKey);
            }

            var total = streams.Sum(s => s.Length);
            var run = await UploadProgress.RunAsync(context, show: !args.Json, $"Uploading to flow {args.FlowId}", total,
                () => Interlocked.Read(ref uploaded), () => client.RunFlowAsync(args.FlowId, request, cancellationToken)).ConfigureAwait(false);

            if (!args.Json) context.Out.WriteLine($"Started run {run.Id} of flow {run.FlowId}: {run.StatusText}");
            if (!args.Wait)
            {
                if (args.Json) context.Out.WriteLine(RunJson.Write(RunJson.ToJson(run)));
                return ExitCodes.Success;
            }

            return await WaitAsync(context, client, run, args, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var stream in streams) await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> WaitAsync(CliContext context, TableFlowClient client, FlowRun run, Arguments args, CancellationToken cancellationToken)
    {
        // The status as it changes: each read of the run prints the steps of its history not printed yet (after the
        // one the start reported); the spinner of a terminal shows the latest.
        var printed = run.StatusHistory.Count;
        StatusContext? spinner = null;
        void Show(FlowRun current)
        {
            if (args.Json) return;
            spinner?.Status($"Run {Markup.Escape(current.Id)}: {Markup.Escape(current.StatusText)}…");
            if (spinner is not null) return;
            foreach (var change in current.StatusHistory.Skip(printed))
            {
                context.Out.WriteLine($"  {change.Time.ToLocalTime():HH:mm:ss} {change.StatusText}{(change.Message is null ? "" : ": " + change.Message)}");
            }

            printed = Math.Max(printed, current.StatusHistory.Count);
        }

        var options = new FlowRunWaitOptions
        {
            Timeout = args.Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Progress = new ImmediateProgress<FlowRun>(Show),
        };
        FlowRun finished;
        if (context.Interactive && !args.Json)
        {
            finished = await context.Console.Status().StartAsync(
                $"Run {Markup.Escape(run.Id)}: {Markup.Escape(run.StatusText)}…",
                status =>
                {
                    spinner = status;
                    return client.WaitForFlowRunAsync(run, options, cancellationToken);
                }).ConfigureAwait(false);
            spinner = null;
        }
        else
        {
            finished = await client.WaitForFlowRunAsync(run, options, cancellationToken).ConfigureAwait(false);
        }

        if (args.Json)
        {
            context.Out.WriteLine(RunJson.Write(RunJson.ToJson(finished)));
        }
        else
        {
            Show(finished); // what the spinner showed, or a step a read missed
            context.Out.WriteLine($"Run {finished.Id} {finished.StatusText}{(finished.Error is null ? "" : ": " + finished.Error)}");
        }

        return finished.Status switch
        {
            FlowRunStatus.Completed => ExitCodes.Success,
            FlowRunStatus.Review => ExitCodes.AwaitingReview,
            _ => ExitCodes.RunFailed,
        };
    }

    private sealed record Arguments(
        string FlowId,
        string[] Files,
        string? Name,
        string? Metadata,
        string[] FileMetadata,
        string[] Guidance,
        bool Wait,
        double? Timeout,
        string? Flows,
        bool Json);
}
