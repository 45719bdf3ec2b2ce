using System;
using System.Collections.Generic;
using System.Linq;
using TableFlow.Cli.Flows;

namespace TableFlow.Cli.Running;

/// <summary>
/// Checks a run's files against the flow's definition in the flow definition file before anything is uploaded: the
/// flow is known, every key is one of its fields, every required field has a file, a single-file field has one.
/// (Each file's type and size are checked by <see cref="FlowFieldInfo.Validate"/> once it is opened.)
/// </summary>
internal static class RunChecks
{
    public static FileFlow Check(FlowsFile file, string flowId, IReadOnlyList<(string Key, List<string> Paths)> files)
    {
        var flows = file.Flows();
        var flow = flows.FirstOrDefault(f => string.Equals(f.Id, flowId, StringComparison.Ordinal))
            ?? throw new CliException($"flow '{flowId}' is not in {file.Path} (it has {List(flows.Select(f => f.Id))}); check the id, or run 'tableflow pull' to refresh the file.");

        foreach (var (key, paths) in files)
        {
            var field = flow.Field(key)
                ?? throw new CliException($"flow '{flowId}' has no file field '{key}' (its fields: {List(flow.Fields.Select(f => f.Key))}).");
            if (!field.Multiple && paths.Count > 1)
            {
                throw new CliException($"'{key}' of flow '{flowId}' takes one file, but {paths.Count} were given (mark it \"multiple\": true in {file.Path} if it takes several).");
            }
        }

        foreach (var field in flow.Fields)
        {
            if (field.Required && !files.Any(f => f.Key == field.Key))
            {
                var name = field.Name is null ? "" : $" ({field.Name})";
                throw new CliException($"flow '{flowId}' needs a file for '{field.Key}'{name}: add {field.Key}=@<file>.");
            }
        }

        return flow;
    }

    private static string List(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
