using System;
using System.Collections.Generic;
using System.Linq;

namespace TableFlow.Cli.Flows;

/// <summary>What a pull changed in the flow definition file, flow by flow and field by field, as lines for a person to read.</summary>
internal static class FlowChanges
{
    public static IReadOnlyList<string> Describe(IReadOnlyList<FileFlow> before, IReadOnlyList<FileFlow> after)
    {
        var lines = new List<string>();
        var old = before.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var now = after.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var flow in after)
        {
            if (!old.TryGetValue(flow.Id, out var previous))
            {
                lines.Add($"+ flow {Describe(flow)}: {flow.Fields.Count} file field(s){FieldList(flow.Fields)}");
                continue;
            }

            var changes = FieldChanges(previous, flow);
            if (!string.Equals(previous.Name, flow.Name, StringComparison.Ordinal)) changes.Insert(0, $"  ~ name: {Show(previous.Name)} -> {Show(flow.Name)}");
            if (changes.Count == 0) continue;
            lines.Add($"~ flow {Describe(flow)}");
            lines.AddRange(changes);
        }

        foreach (var flow in before)
        {
            if (!now.Contains(flow.Id)) lines.Add($"- flow {Describe(flow)} (no longer listed: removed or inactive)");
        }

        return lines;
    }

    private static List<string> FieldChanges(FileFlow before, FileFlow after)
    {
        var lines = new List<string>();
        foreach (var field in after.Fields)
        {
            var previous = before.Field(field.Key);
            if (previous is null)
            {
                lines.Add($"  + field {field.Key} ({Shape(field)})");
                continue;
            }

            var what = new List<string>();
            if (previous.Required != field.Required) what.Add($"required {previous.Required.ToString().ToLowerInvariant()} -> {field.Required.ToString().ToLowerInvariant()}");
            if (previous.Multiple != field.Multiple) what.Add($"multiple {previous.Multiple.ToString().ToLowerInvariant()} -> {field.Multiple.ToString().ToLowerInvariant()}");
            if (Types(previous) != Types(field)) what.Add($"file_types [{Types(previous)}] -> [{Types(field)}]");
            if (previous.MaxFileSize != field.MaxFileSize) what.Add($"max_file_size {Show(previous.MaxFileSize)} -> {Show(field.MaxFileSize)}");
            if (!string.Equals(previous.Name, field.Name, StringComparison.Ordinal)) what.Add($"name {Show(previous.Name)} -> {Show(field.Name)}");
            if (what.Count > 0) lines.Add($"  ~ field {field.Key}: {string.Join(", ", what)}");
        }

        foreach (var field in before.Fields)
        {
            if (after.Field(field.Key) is null) lines.Add($"  - field {field.Key}");
        }

        return lines;
    }

    private static string Describe(FileFlow flow) => flow.Name is null ? flow.Id : $"{flow.Id} ({flow.Name})";

    private static string FieldList(IReadOnlyList<FileFlowField> fields) => fields.Count == 0 ? "" : " " + string.Join(", ", fields.Select(f => $"{f.Key} ({Shape(f)})"));

    private static string Shape(FileFlowField field) => (field.Required ? "required" : "optional") + (field.Multiple ? ", multiple" : "");

    private static string Types(FileFlowField field) => string.Join(", ", field.FileTypes ?? []);

    private static string Show(string? text) => text is null ? "none" : $"\"{text}\"";

    private static string Show(long? number) => number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
