using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TableFlow.Json;

/// <summary>
/// <c>file_type</c>: an object <c>{key, extension, mime_type}</c> (get-one, webhooks) or a bare extension string such as
/// <c>"pdf"</c> (the list's <c>file_info</c>), which becomes <see cref="ExtractionFileType.Extension"/>; anything else as null.
/// </summary>
internal sealed class ExtractionFileTypeConverter : JsonConverter<ExtractionFileType?>
{
    public override ExtractionFileType? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var extension = Lenient.StringOrEmpty(ref reader).Trim();
            return extension.Length == 0 ? null : new ExtractionFileType { Extension = extension.TrimStart('.') };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? key = null, ext = null, mime = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Lenient.StringOrEmpty(ref reader);
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? Lenient.StringOrEmpty(ref reader) : null;
            if (value is null) reader.Skip();
            switch (name)
            {
                case "key": key = value; break;
                case "extension": ext = value; break;
                case "mime_type": mime = value; break;
            }
        }

        return new ExtractionFileType { Key = key, Extension = ext, MimeType = mime };
    }

    public override void Write(Utf8JsonWriter writer, ExtractionFileType? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("key", value.Key);
        writer.WriteString("extension", value.Extension);
        writer.WriteString("mime_type", value.MimeType);
        writer.WriteEndObject();
    }
}

/// <summary>
/// <c>values</c>: a map of key → any JSON value, each kept raw as an <see cref="ExtractedValue"/> (strings, numbers,
/// booleans and nulls alike). Anything but an object (such as <c>[]</c> for an empty map) as null; a repeated key keeps
/// its last value.
/// </summary>
internal sealed class ExtractedValueMapConverter : JsonConverter<Dictionary<string, ExtractedValue>?>
{
    public override Dictionary<string, ExtractedValue>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var map = new Dictionary<string, ExtractedValue>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Lenient.PropertyNameOrNull(ref reader);
            reader.Read();
            // ParseValue makes an element of its own (not tied to a pooled document), so it needs no second copy.
            var value = JsonElement.ParseValue(ref reader);
            if (name is not null) map[name] = ExtractedValue.FromOwned(value);
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, ExtractedValue>? value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var pair in value ?? new Dictionary<string, ExtractedValue>())
        {
            writer.WritePropertyName(pair.Key);
            if (pair.Value.Kind == JsonValueKind.Undefined) writer.WriteNullValue();
            else pair.Value.Json.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
