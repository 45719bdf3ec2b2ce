using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using TableFlow.Generators.Model;

namespace TableFlow.Generators.Analyzers.Definitions;

/// <summary>
/// The flows described by the <c>tableflow.json</c> files of a compilation, read in the shape of the answer of
/// <c>GET /v2/flows</c> (a bare array of flows with <c>id</c> and <c>file_input_config.file_fields[]</c>) plus our
/// optional per-field <c>multiple</c>, or in the object form <c>{"flows": [ … ], "templates": [ … ]}</c>, of which
/// only <c>flows</c> is read. Unknown members are ignored so that a saved live answer reads as is.
/// </summary>
internal sealed class FlowDefinitionFile
{
    /// <summary>The file name (compared case-insensitively) that marks an additional file as flow definitions.</summary>
    public const string FileName = "tableflow.json";

    private FlowDefinitionFile(string path, IReadOnlyDictionary<string, FlowDefinition> flows, string? error)
    {
        Path = path;
        Flows = flows;
        Error = error;
    }

    /// <summary>The path of the file as the compiler was given it.</summary>
    public string Path { get; }

    /// <summary>The flows by id; empty when <see cref="Error"/> is set.</summary>
    public IReadOnlyDictionary<string, FlowDefinition> Flows { get; }

    /// <summary>Why the file could not be read, as a sentence fragment naming the place; <see langword="null"/> when it was read.</summary>
    public string? Error { get; }

    /// <summary>Whether <paramref name="path"/> names a flow definition file.</summary>
    public static bool IsDefinitionFile(string path)
        => string.Equals(NameOf(path), FileName, StringComparison.OrdinalIgnoreCase);

    // Either separator: the path may come from a Windows build and be read where Path.GetFileName only knows '/'.
    private static string NameOf(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);

    /// <summary>Reads the definitions in <paramref name="text"/>; never throws.</summary>
    public static FlowDefinitionFile Parse(string path, string text)
    {
        if (!JsonValueReader.TryRead(text, out var root, out var jsonError))
        {
            return Failed(path, $"it is not valid JSON: {jsonError}");
        }

        // The object form: the flows under "flows"; "templates" (the emulator's) and anything else are not ours. A file of
        // templates only (no "flows", or "flows": null) has no flows, as the emulator reads it; an object with neither
        // (such as one flow saved on its own) is still an error.
        if (root is Dictionary<string, object?> document)
        {
            if (document.TryGetValue("flows", out var flowsValue)) root = flowsValue ?? new List<object?>();
            else if (document.ContainsKey("templates")) root = new List<object?>();
        }

        if (root is not List<object?> flows)
        {
            return Failed(path, "it must be a JSON array of flows, as GET /v2/flows returns, or an object whose \"flows\" is one");
        }

        var result = new Dictionary<string, FlowDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < flows.Count; i++)
        {
            if (flows[i] is not Dictionary<string, object?> flow || !flow.TryGetValue("id", out var idValue) || idValue is not string id || id.Length == 0)
            {
                return Failed(path, $"flow #{i + 1} is not an object with a string \"id\"");
            }

            var fields = ReadFields(flow, id, out var fieldsError);
            if (fieldsError is not null) return Failed(path, fieldsError);
            var active = !flow.TryGetValue("active", out var activeValue) || activeValue is not false;
            result[id] = new FlowDefinition(id, active, new EquatableArray<FlowFieldDefinition>(fields));
        }

        return new FlowDefinitionFile(path, result, null);
    }

    private static ImmutableArray<FlowFieldDefinition> ReadFields(Dictionary<string, object?> flow, string id, out string? error)
    {
        error = null;
        // A flow without file_input_config takes no files; that is a definition, not an error.
        if (!flow.TryGetValue("file_input_config", out var config) || config is null) return ImmutableArray<FlowFieldDefinition>.Empty;
        if (config is not Dictionary<string, object?> configObject)
        {
            error = $"\"file_input_config\" of flow '{id}' is not an object";
            return default;
        }

        if (!configObject.TryGetValue("file_fields", out var fieldsValue) || fieldsValue is null) return ImmutableArray<FlowFieldDefinition>.Empty;
        if (fieldsValue is not List<object?> fields)
        {
            error = $"\"file_fields\" of flow '{id}' is not an array";
            return default;
        }

        var builder = ImmutableArray.CreateBuilder<FlowFieldDefinition>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i] is not Dictionary<string, object?> field || !field.TryGetValue("key", out var keyValue) || keyValue is not string key)
            {
                error = $"file field #{i + 1} of flow '{id}' is not an object with a string \"key\"";
                return default;
            }

            var required = field.TryGetValue("required", out var requiredValue) && requiredValue is true;
            bool? multiple = field.TryGetValue("multiple", out var multipleValue) && multipleValue is bool m ? m : null;
            builder.Add(new FlowFieldDefinition(key, required, multiple)
            {
                Name = field.TryGetValue("name", out var nameValue) ? nameValue as string : null,
                FileTypes = field.TryGetValue("file_types", out var typesValue) && typesValue is List<object?> types
                    ? new EquatableArray<string>(types.OfType<string>())
                    : null,
                MaxFileSize = field.TryGetValue("max_file_size", out var sizeValue) && sizeValue is double size &&
                              size >= 0 && size <= long.MaxValue && Math.Floor(size) == size
                    ? (long)size
                    : null,
            });
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A file the compiler could not hand over (it does not exist or cannot be opened).</summary>
    public static FlowDefinitionFile Unreadable(string path) => Failed(path, "the compiler could not open it");

    private static FlowDefinitionFile Failed(string path, string error)
        => new(path, new Dictionary<string, FlowDefinition>(), error);

    /// <summary>The file name alone, for messages (full build paths are noise).</summary>
    public string DisplayName => NameOf(Path) is { Length: > 0 } name ? name : Path;
}
