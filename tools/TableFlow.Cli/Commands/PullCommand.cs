using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Cli.Flows;

namespace TableFlow.Cli.Commands;

/// <summary><c>tableflow pull</c>: writes the workspace's flow definitions into the flow definition file and says what changed.</summary>
internal static class PullCommand
{
    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The flow definition file to write; its shape (bare array, or object with \"flows\") and the fields' \"multiple\" flags are kept.",
            DefaultValueFactory = _ => FlowsFile.DefaultName,
        };
        var command = new Command("pull", "Write the workspace's active flows (GET /v2/flows) into tableflow.json and print what changed.");
        api.AddTo(command);
        command.Options.Add(output);
        command.SetAction((parsed, cancellationToken) => CliApp.GuardAsync(context, () => PullAsync(context, api, parsed, parsed.GetValue(output)!, cancellationToken)));
        return command;
    }

    private static async Task<int> PullAsync(CliContext context, ApiOptions api, ParseResult parsed, string path, CancellationToken cancellationToken)
    {
        // The existing file is read first, so a broken one stops the pull before any request and is not overwritten.
        var exists = File.Exists(path);
        var file = exists ? FlowsFile.Read(path) : FlowsFile.New(path);
        var before = file.Flows();
        var beforeText = exists ? file.ToText() : null;

        using var client = api.CreateClient(parsed);
        var flows = await client.ListFlowsAsync(cancellationToken).ConfigureAwait(false);

        file.ReplaceFlows(FlowDefinitionJson.ToJson(flows, file.FlowsArray));
        var text = file.ToText();
        var changes = FlowChanges.Describe(before, file.Flows());
        if (text == beforeText)
        {
            context.Out.WriteLine($"{path} is up to date: {flows.Count} flow(s).");
            return ExitCodes.Success;
        }

        await File.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        foreach (var line in changes) context.Out.WriteLine(line);
        var shape = file.IsObjectShape ? "the \"flows\" of " : "";
        context.Out.WriteLine(changes.Count == 0
            ? $"Wrote {shape}{path}: {flows.Count} flow(s); no flow or field changed."
            : $"Wrote {shape}{path}: {flows.Count} flow(s).");
        return ExitCodes.Success;
    }
}
