using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace TableFlow.Testing.Flows;

/// <summary>What a flow definition file holds: flows, and (in the object form) extraction templates.</summary>
internal sealed record FlowDefinitionFile(IReadOnlyList<EmulatedFlowBuilder> Flows, IReadOnlyList<EmulatedTemplateBuilder> Templates);

/// <summary>
/// Reads the flow definition file (<c>tableflow.json</c>) in either shape: a JSON array in exactly the shape
/// <c>GET /v2/flows</c> answers, where a file field may also say <c>"multiple": true</c>; or an object
/// <c>{"flows": [ … ], "templates": [ … ]}</c> whose <c>templates</c> are the emulator's extraction templates. Members it
/// does not know are ignored. Every problem names its place in the file.
/// </summary>
internal static class FlowDefinitionReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FlowDefinitionFile ReadFile(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"The flow definition file '{path}' does not exist (looked at '{full}').", full);
        return Read(File.ReadAllBytes(full), path);
    }

    public static FlowDefinitionFile Read(ReadOnlyMemory<byte> json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1}" : "";
            throw new InvalidDataException($"The flow definition file '{source}' is not valid JSON{where}: {FirstSentence(e.Message)}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array) return new FlowDefinitionFile(ReadFlows(root, source, "$"), Array.Empty<EmulatedTemplateBuilder>());
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Problem(source, "$", $"expected an array of flow definitions (the shape GET /v2/flows answers) or an object {{\"flows\": [...], \"templates\": [...]}}, found {Describe(root)}");
            }

            IReadOnlyList<EmulatedFlowBuilder> flows = Array.Empty<EmulatedFlowBuilder>();
            if (root.TryGetProperty("flows", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array) throw Problem(source, "$.flows", $"expected an array of flow definitions (the shape GET /v2/flows answers), found {Describe(list)}");
                flows = ReadFlows(list, source, "$.flows");
            }

            return new FlowDefinitionFile(flows, Extractions.TemplateDefinitionReader.ReadTemplates(root, source));
        }
    }

    private static List<EmulatedFlowBuilder> ReadFlows(JsonElement array, string source, string path)
    {
        var flows = new List<EmulatedFlowBuilder>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            var flow = ReadFlow(element, source, at);
            if (!ids.Add(flow.Id)) throw Problem(source, at + ".id", $"flow '{flow.Id}' is defined twice");
            flows.Add(flow.Builder);
        }

        return flows;
    }

    private static (string Id, EmulatedFlowBuilder Builder) ReadFlow(JsonElement flow, string source, string at)
    {
        if (flow.ValueKind != JsonValueKind.Object) throw Problem(source, at, $"expected a flow object, found {Describe(flow)}");
        var id = RequiredString(flow, "id", source, at);
        if (FlowNames.IdProblem(id) is { } idProblem) throw Problem(source, at + ".id", $"the flow id '{FlowNames.Printable(id)}' is not valid: {idProblem}");
        var name = OptionalString(flow, "name", source, at) ?? id;
        var description = OptionalString(flow, "description", source, at);
        var active = OptionalBool(flow, "active", source, at) ?? true;

        var fields = new List<FileFieldDefinition>();
        if (flow.TryGetProperty("file_input_config", out var config) && config.ValueKind != JsonValueKind.Null)
        {
            var configAt = at + ".file_input_config";
            if (config.ValueKind != JsonValueKind.Object) throw Problem(source, configAt, $"expected an object, found {Describe(config)}");
            if (config.TryGetProperty("file_fields", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array) throw Problem(source, configAt + ".file_fields", $"expected an array of file fields, found {Describe(list)}");
                var i = 0;
                foreach (var field in list.EnumerateArray()) fields.Add(ReadField(field, source, $"{configAt}.file_fields[{i++}]"));
            }
        }

        var steps = ReadSteps(flow, source, at);
        var builder = new EmulatedFlowBuilder(new FlowDefinition(id, name, description, active, Array.Empty<FileFieldDefinition>(), steps));
        for (var i = 0; i < fields.Count; i++)
        {
            try
            {
                builder.AddField(fields[i]);
            }
            catch (ArgumentException e)
            {
                throw Problem(source, $"{at}.file_input_config.file_fields[{i}].key", e.Message.Split(" (Parameter", 2)[0]);
            }
        }

        return (id, builder);
    }

    private static FileFieldDefinition ReadField(JsonElement field, string source, string at)
    {
        if (field.ValueKind != JsonValueKind.Object) throw Problem(source, at, $"expected a file field object, found {Describe(field)}");
        var key = RequiredString(field, "key", source, at);
        var types = new List<string>();
        if (field.TryGetProperty("file_types", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array) throw Problem(source, at + ".file_types", $"expected an array of strings such as [\"pdf\", \"image\"], found {Describe(list)}");
            var i = 0;
            foreach (var type in list.EnumerateArray())
            {
                if (type.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(type.GetString()))
                {
                    throw Problem(source, $"{at}.file_types[{i}]", $"expected a file type such as \"pdf\", found {Describe(type)}");
                }

                types.Add(type.GetString()!.Trim());
                i++;
            }
        }

        long? maxSize = null;
        if (field.TryGetProperty("max_file_size", out var max) && max.ValueKind != JsonValueKind.Null)
        {
            if (max.ValueKind != JsonValueKind.Number || !max.TryGetInt64(out var bytes) || bytes <= 0)
            {
                throw Problem(source, at + ".max_file_size", $"expected a positive whole number of bytes, found {Describe(max)}");
            }

            maxSize = bytes;
        }

        return new FileFieldDefinition(
            key,
            OptionalString(field, "name", source, at) ?? FlowDefinition.DisplayName(key),
            OptionalBool(field, "required", source, at) ?? false,
            OptionalBool(field, "multiple", source, at) ?? false,
            types,
            maxSize);
    }

    private static IReadOnlyList<FlowStepDefinition>? ReadSteps(JsonElement flow, string source, string at)
    {
        if (!flow.TryGetProperty("steps", out var list) || list.ValueKind == JsonValueKind.Null) return null;
        if (list.ValueKind != JsonValueKind.Array) throw Problem(source, at + ".steps", $"expected an array of steps, found {Describe(list)}");
        var steps = new List<FlowStepDefinition>();
        var i = 0;
        foreach (var step in list.EnumerateArray())
        {
            var stepAt = $"{at}.steps[{i++}]";
            if (step.ValueKind != JsonValueKind.Object) throw Problem(source, stepAt, $"expected a step object, found {Describe(step)}");
            var order = step.TryGetProperty("order", out var o) && o.ValueKind == JsonValueKind.Number && o.TryGetInt32(out var n) ? n : i;
            var config = step.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c.GetRawText() : "{}";
            steps.Add(new FlowStepDefinition(
                RequiredString(step, "id", source, stepAt),
                OptionalString(step, "title", source, stepAt),
                OptionalString(step, "type", source, stepAt),
                OptionalString(step, "description", source, stepAt),
                order,
                config));
        }

        return steps;
    }

    internal static string RequiredString(JsonElement obj, string name, string source, string at)
    {
        if (!obj.TryGetProperty(name, out var value)) throw Problem(source, at, $"the required property \"{name}\" is missing");
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            throw Problem(source, $"{at}.{name}", $"expected a non-empty string, found {Describe(value)}");
        }

        return value.GetString()!;
    }

    internal static string? OptionalString(JsonElement obj, string name, string source, string at)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Problem(source, $"{at}.{name}", $"expected a string, found {Describe(value)}");
        return value.GetString();
    }

    private static bool? OptionalBool(JsonElement obj, string name, string source, string at)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Problem(source, $"{at}.{name}", $"expected true or false, found {Describe(value)}"),
        };
    }

    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    internal static InvalidDataException Problem(string source, string at, string problem)
        => new($"The flow definition file '{source}' is not valid at {at}: {problem}.");

    // JsonException messages end with "[Path: $ |] LineNumber: 2 | BytePositionInLine: 4." which the caller already rephrased.
    private static string FirstSentence(string message)
    {
        foreach (var tail in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0) message = message.Substring(0, cut);
        }

        return message.TrimEnd();
    }
}
