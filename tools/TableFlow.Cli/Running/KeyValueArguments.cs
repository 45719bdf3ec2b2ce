using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TableFlow.Cli.Running;

/// <summary>The <c>key=value</c> arguments of <c>tableflow run</c>: files as <c>key=@path</c> (curl's form), guidance and metadata per key.</summary>
internal static class KeyValueArguments
{
    /// <summary>Files by key, in command-line order; a key given twice is a field with several files.</summary>
    public static List<(string Key, List<string> Paths)> Files(IEnumerable<string> arguments)
    {
        var files = new List<(string Key, List<string> Paths)>();
        foreach (var argument in arguments)
        {
            var (key, value) = Split(argument, "a file", "key=@file");
            if (!value.StartsWith('@') || value.Length == 1)
            {
                throw new CliException($"'{argument}' is not a file argument: write {key}=@<path> (the @ marks a file, as in curl -F).");
            }

            var path = value.Substring(1);
            var existing = files.FindIndex(f => f.Key == key);
            if (existing >= 0) files[existing].Paths.Add(path);
            else files.Add((key, new List<string> { path }));
        }

        return files;
    }

    /// <summary>The <c>--guidance key=text</c> values by key.</summary>
    public static Dictionary<string, string> Guidance(IEnumerable<string> arguments)
    {
        var guidance = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var (key, value) = Split(argument, "--guidance", "key=text");
            if (!guidance.TryAdd(key, value)) throw new CliException($"--guidance gives '{key}' twice.");
        }

        return guidance;
    }

    /// <summary>The <c>--file-metadata key='{…}'</c> values by key, each a JSON object.</summary>
    public static Dictionary<string, JsonObject> FileMetadata(IEnumerable<string> arguments)
    {
        var metadata = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var (key, value) = Split(argument, "--file-metadata", "key='{...}'");
            if (!metadata.TryAdd(key, JsonObjectArgument(value, $"--file-metadata for '{key}'"))) throw new CliException($"--file-metadata gives '{key}' twice.");
        }

        return metadata;
    }

    /// <summary>A JSON object from the command line; anything else is a <see cref="CliException"/> that says what is wrong.</summary>
    public static JsonObject JsonObjectArgument(string text, string what)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new CliException($"{what} is not valid JSON ({FirstSentence(e.Message)}); pass an object such as '{{\"customer_id\": \"12345\"}}'.", e);
        }

        return node as JsonObject ?? throw new CliException($"{what} must be a JSON object such as '{{\"customer_id\": \"12345\"}}', not {Describe(node)}.");
    }

    private static (string Key, string Value) Split(string argument, string what, string form)
    {
        var equals = argument.IndexOf('=');
        if (equals <= 0) throw new CliException($"'{argument}' is not {what} argument of the form {form}.");
        return (argument.Substring(0, equals), argument.Substring(equals + 1));
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => "a string",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message.Substring(0, dot) : message.TrimEnd('.');
    }
}
