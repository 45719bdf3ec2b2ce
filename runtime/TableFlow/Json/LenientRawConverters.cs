using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TableFlow.Json;

// Lenient readers for values the client keeps rather than reads (a step's config) and for lists of plain strings, in
// the same spirit as LenientConverters.cs: a value of another shape reads as null, never as an exception.

/// <summary>An array of strings, skipping elements that are not strings; anything but an array as null.</summary>
internal sealed class LenientStringListConverter : JsonConverter<List<string>?>
{
    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                var text = Lenient.StringOrEmpty(ref reader);
                if (text.Length > 0) list.Add(text);
            }
            else
            {
                reader.Skip();
            }
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<string>? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value ?? new List<string>()) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }
}

/// <summary>A JSON object kept as it came (cloned, so it outlives the answer); anything else as null.</summary>
internal sealed class LenientRawObjectConverter : JsonConverter<JsonElement?>
{
    // JSON null must reach Read (and become null here) rather than be handled by the serializer.
    public override bool HandleNull => true;

    public override JsonElement? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    public override void Write(Utf8JsonWriter writer, JsonElement? value, JsonSerializerOptions options)
    {
        if (value is { } element) element.WriteTo(writer);
        else writer.WriteNullValue();
    }
}
