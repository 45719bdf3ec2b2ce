using System.Text.Json;
using System.Text.Json.Nodes;

namespace TableFlow.Testing.Extractions;

/// <summary>Extracted values kept as the JSON the API sends: a string stays a string, a number stays a number.</summary>
internal static class JsonValues
{
    private static readonly JsonElement NullElement = Parse("null");

    public static JsonElement Null => NullElement;

    public static JsonElement ToElement(JsonNode? node) => node is null ? NullElement : Parse(node.ToJsonString());

    /// <summary>The value as text, for validations and CSV: strings as they are, numbers as written, null as <see langword="null"/>.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };

    public static void Write(Utf8JsonWriter w, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined) w.WriteNullValue();
        else value.WriteTo(w);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
