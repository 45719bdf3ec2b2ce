using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TableFlow.Cli.Flows;

/// <summary>
/// The flow definition file, <c>tableflow.json</c>, in either of its shapes: a bare array of flows (what
/// <c>GET /v2/flows</c> answers, plus our per-field <c>multiple</c>), or an object whose <c>flows</c> member is that
/// array (beside <c>templates</c> and anything else, which is kept as it is). Members the tool does not know are ignored.
/// </summary>
internal sealed class FlowsFile
{
    public const string DefaultName = "tableflow.json";

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private FlowsFile(string path, JsonNode root, JsonArray flows)
    {
        Path = path;
        Root = root;
        FlowsArray = flows;
    }

    /// <summary>The path the file was read from (as given).</summary>
    public string Path { get; }

    /// <summary>The whole file: a <see cref="JsonArray"/> or a <see cref="JsonObject"/>.</summary>
    public JsonNode Root { get; private set; }

    /// <summary>Whether the file is the object shape (<c>{"flows": […], "templates": […]}</c>).</summary>
    public bool IsObjectShape => Root is JsonObject;

    /// <summary>The flows array inside <see cref="Root"/>.</summary>
    public JsonArray FlowsArray { get; private set; }

    /// <summary>Reads a file that must exist and hold one of the two shapes; any problem is a <see cref="CliException"/> naming the file.</summary>
    public static FlowsFile Read(string path)
    {
        if (!File.Exists(path)) throw new CliException($"the flow definition file '{path}' does not exist.");
        var text = File.ReadAllText(path);
        return Parse(text, path);
    }

    /// <summary>A file that does not exist yet: written as a bare array.</summary>
    public static FlowsFile New(string path) => new(path, new JsonArray(), new JsonArray());

    public static FlowsFile Parse(string text, string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, null, DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new CliException($"the flow definition file '{path}' is not valid JSON{where}; fix it or delete it.", e);
        }

        switch (root)
        {
            case JsonArray array:
                return new FlowsFile(path, array, array);
            case JsonObject obj when TryGet(obj, "flows") is JsonArray flows:
                return new FlowsFile(path, obj, flows);
            case JsonObject obj when TryGet(obj, "flows") is null:
                return new FlowsFile(path, obj, new JsonArray());
            default:
                throw new CliException($"the flow definition file '{path}' is neither an array of flows nor an object with a \"flows\" array.");
        }
    }

    /// <summary>The flows the file describes, read leniently: an entry without an <c>id</c>, or a field without a <c>key</c>, is skipped.</summary>
    public IReadOnlyList<FileFlow> Flows() => ReadFlows(FlowsArray);

    public FileFlow? Find(string flowId) => Flows().FirstOrDefault(f => string.Equals(f.Id, flowId, StringComparison.Ordinal));

    /// <summary>
    /// Replaces the flows, keeping the file's shape: a bare array stays one, and in the object shape only <c>flows</c>
    /// changes (<c>templates</c> and every other member stay as they were, in their place).
    /// </summary>
    public void ReplaceFlows(JsonArray flows)
    {
        if (Root is JsonObject obj)
        {
            if (obj.ContainsKey("flows")) obj["flows"] = flows;
            else obj.Insert(0, "flows", flows);
        }
        else
        {
            Root = flows;
        }

        FlowsArray = flows;
    }

    /// <summary>The file's text as it would be written: indented JSON, ending in a newline.</summary>
    public string ToText()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Root.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static IReadOnlyList<FileFlow> ReadFlows(JsonArray flows)
    {
        var result = new List<FileFlow>();
        foreach (var entry in flows)
        {
            if (entry is not JsonObject flow || Text(flow, "id") is not { Length: > 0 } id) continue;
            var fields = new List<FileFlowField>();
            if (TryGet(flow, "file_input_config") is JsonObject config && TryGet(config, "file_fields") is JsonArray list)
            {
                foreach (var item in list)
                {
                    if (item is not JsonObject field || Text(field, "key") is not { Length: > 0 } key) continue;
                    fields.Add(new FileFlowField(
                        key,
                        Text(field, "name"),
                        Bool(field, "required") ?? false,
                        Bool(field, "multiple") ?? false,
                        TryGet(field, "file_types") is JsonArray types ? types.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray() : null,
                        Long(field, "max_file_size")));
                }
            }

            result.Add(new FileFlow(id, Text(flow, "name"), fields));
        }

        return result;
    }

    /// <summary>A member's value; null when absent (a repeated name, which a JsonObject refuses, reads as absent too).</summary>
    public static JsonNode? TryGet(JsonObject obj, string name)
    {
        try
        {
            return obj.TryGetPropertyValue(name, out var value) ? value : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject obj, string name)
        => TryGet(obj, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool? Bool(JsonObject obj, string name)
        => TryGet(obj, name) is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private static long? Long(JsonObject obj, string name)
    {
        if (TryGet(obj, name) is not JsonValue value) return null;
        if (value.TryGetValue<long>(out var whole)) return whole;
        return value.TryGetValue<double>(out var number) && Math.Floor(number) == number && Math.Abs(number) < 9e18 ? (long)number : null;
    }
}
