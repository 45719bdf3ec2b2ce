using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TableFlow.Json;

// Lenient readers for the fields of the API's answers. A field whose value has an unexpected shape (a float where an
// integer is documented, a number out of range, a string where an object is, an array where a map is) reads as null
// instead of failing the whole answer: one odd field must not cost the caller a run that was started. Each converter
// consumes exactly the value it was given (Skip() on what it does not take). They are closed, non-generic at the use
// site and resolve nested shapes through TableFlowJsonContext, so everything stays reflection-free and AOT safe.

/// <summary>A string; a number or boolean as its JSON text; anything else (object, array, a broken escape) as null.</summary>
internal sealed class LenientStringConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return null; // a lone surrogate escape such as "\uD800" cannot become a .NET string
                }

            case JsonTokenType.Number:
                return Lenient.RawText(ref reader);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A finite number, also from a numeric string; anything else (1e400, "soon", an object) as null.</summary>
internal sealed class LenientDoubleConverter : JsonConverter<double?>
{
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double value;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDouble(out value):
                return Lenient.IsFinite(value) ? value : null;
            case JsonTokenType.String:
                return double.TryParse(Lenient.StringOrEmpty(ref reader), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && Lenient.IsFinite(value) ? value : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>A whole number, also written as a float (<c>100.0</c>) or a string; a fraction or a number out of range as null.</summary>
internal sealed class LenientInt64Converter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole)) return whole;
                return reader.TryGetDouble(out var number) ? Lenient.ToInt64(number) : null;
            case JsonTokenType.String:
                var text = Lenient.StringOrEmpty(ref reader).Trim();
                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out whole)) return whole;
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number) ? Lenient.ToInt64(number) : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>A boolean, also as <c>"true"</c>/<c>"false"</c> or <c>1</c>/<c>0</c>; anything else as null.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetDouble(out var number):
                return number == 1 ? true : number == 0 ? false : null;
            case JsonTokenType.String:
                var text = Lenient.StringOrEmpty(ref reader).Trim();
                return text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1" ? true
                    : text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "0" ? false
                    : null;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is { } v) writer.WriteBooleanValue(v);
        else writer.WriteNullValue();
    }
}

/// <summary>
/// Run metadata: a JSON object; or a string that holds a JSON object (an API that stores the form field's text and
/// echoes it back), parsed. Any other value — a string that is not a JSON object, an array, a number — reads as null:
/// <see cref="FlowRun.Metadata"/> is an object or nothing. A repeated property keeps its last value.
/// </summary>
internal sealed class LenientMetadataConverter : JsonConverter<JsonObject?>
{
    public override JsonObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader)) return ToObject(document.RootElement);
            case JsonTokenType.String:
                var text = Lenient.StringOrEmpty(ref reader);
                if (text.TrimStart().StartsWith("{", StringComparison.Ordinal))
                {
                    try
                    {
                        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                        if (document.RootElement.ValueKind == JsonValueKind.Object) return ToObject(document.RootElement);
                    }
                    catch (JsonException)
                    {
                        // Text that only looks like an object: no metadata.
                    }
                }

                return null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static JsonObject? ToObject(JsonElement element)
    {
        try
        {
            return (JsonObject?)Lenient.ToNode(element);
        }
        catch (InvalidOperationException)
        {
            return null; // a lone surrogate escape in a name or value
        }
    }

    public override void Write(Utf8JsonWriter writer, JsonObject? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else value.WriteTo(writer, options);
    }
}

/// <summary>An object of type <typeparamref name="T"/>; anything else (a string, an array, a number) as null.</summary>
internal sealed class LenientObjectConverter<T> : JsonConverter<T?>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        return JsonSerializer.Deserialize(ref reader, Lenient.Info<T>());
    }

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value!, Lenient.Info<T>());
}

/// <summary>An array of objects of type <typeparamref name="T"/>, where an element that is not an object becomes a null entry (so positions hold); anything but an array as null.</summary>
internal sealed class LenientListConverter<T> : JsonConverter<List<T?>?>
    where T : class
{
    public override List<T?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }

        var list = new List<T?>();
        var info = Lenient.Info<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                list.Add(JsonSerializer.Deserialize(ref reader, info));
            }
            else
            {
                // Kept as a null entry, not dropped, so that positions hold (a row without its own index is numbered
                // by its place in the page).
                reader.Skip();
                list.Add(null);
            }
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<T?>? value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value ?? new List<T?>()) JsonSerializer.Serialize(writer, item!, Lenient.Info<T>());
        writer.WriteEndArray();
    }
}

/// <summary>
/// An object whose values are objects of type <typeparamref name="T"/>, skipping values that are not objects; an
/// empty array (<c>[]</c>, how some serializers write an empty map) or anything else as null.
/// </summary>
internal sealed class LenientMapConverter<T> : JsonConverter<Dictionary<string, T?>?>
    where T : class
{
    public override Dictionary<string, T?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var map = new Dictionary<string, T?>(StringComparer.Ordinal);
        var info = Lenient.Info<T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = Lenient.PropertyNameOrNull(ref reader);
            reader.Read();
            if (name is not null && reader.TokenType == JsonTokenType.StartObject) map[name] = JsonSerializer.Deserialize(ref reader, info);
            else reader.Skip();
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, T?>? value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var pair in value ?? new Dictionary<string, T?>())
        {
            writer.WritePropertyName(pair.Key);
            JsonSerializer.Serialize(writer, pair.Value!, Lenient.Info<T>());
        }

        writer.WriteEndObject();
    }
}

internal static class Lenient
{
    public static JsonTypeInfo<T> Info<T>() => Cache<T>.Info;

    public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    public static long? ToInt64(double value)
        => IsFinite(value) && Math.Floor(value) == value && value >= -9.2e18 && value <= 9.2e18 ? (long)value : null;

    public static string RawText(ref Utf8JsonReader reader)
    {
#if NET
        return reader.HasValueSequence ? Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence)) : Encoding.UTF8.GetString(reader.ValueSpan);
#else
        var bytes = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
        return Encoding.UTF8.GetString(bytes);
#endif
    }

    /// <summary>The current property name, or null when it cannot become a .NET string (a lone surrogate escape).</summary>
    public static string? PropertyNameOrNull(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static string StringOrEmpty(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return "";
        }
    }

    /// <summary>A node for an element, keeping the last of repeated property names (a JsonObject would throw on them).</summary>
    public static JsonNode? ToNode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject()) obj[property.Name] = ToNode(property.Value);
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray()) array.Add(ToNode(item));
                return array;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            case JsonValueKind.Number:
                // Cloned: the element's document is disposed once the answer is read, the number must outlive it.
                return JsonValue.Create(element.Clone());
            default:
                return null;
        }
    }

    private static class Cache<T>
    {
        // The extraction shapes live in a context of their own; the same lenient converters serve both.
        public static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)(TableFlowJsonContext.Default.GetTypeInfo(typeof(T))
            ?? ExtractionJsonContext.Default.GetTypeInfo(typeof(T))
            ?? throw new InvalidOperationException($"Neither TableFlowJsonContext nor ExtractionJsonContext has metadata for {typeof(T).Name}."));
    }
}
