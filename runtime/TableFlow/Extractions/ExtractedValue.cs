using System;
using System.Text.Json;

namespace TableFlow;

/// <summary>
/// One extracted value, kept as the raw JSON the API sent. The API's examples send every value as a string
/// (<c>"1245.75"</c>, <c>"2023-04-15"</c>) while its data-types page promises typed JSON (numbers, RFC 3339 dates,
/// booleans); both are kept as they came, and the <c>TryGet…</c> conversions read either.
/// </summary>
/// <remarks>
/// <see langword="default"/>(<see cref="ExtractedValue"/>) is an absent value: <see cref="Kind"/> is
/// <see cref="JsonValueKind.Undefined"/> and <see cref="IsNull"/> is <see langword="true"/>. Two values are equal when
/// their raw JSON text is equal, so <c>"1"</c> (a string) and <c>1</c> (a number) differ.
/// </remarks>
public readonly partial struct ExtractedValue : IEquatable<ExtractedValue>
{
    private readonly JsonElement _json;

    /// <summary>Wraps a JSON value; the value is cloned, so it outlives the document it came from.</summary>
    /// <param name="value">The value; <see langword="default"/>(<see cref="JsonElement"/>) makes an absent value.</param>
    public ExtractedValue(JsonElement value)
    {
        _json = value.ValueKind == JsonValueKind.Undefined ? default : value.Clone();
    }

    /// <summary>Wraps an element the caller made for this value alone (from <see cref="JsonElement.ParseValue"/>): no second copy.</summary>
    internal static ExtractedValue FromOwned(JsonElement value) => new(value, owned: true);

    private ExtractedValue(JsonElement value, bool owned)
    {
        _ = owned;
        _json = value.ValueKind == JsonValueKind.Undefined ? default : value;
    }

    /// <summary>The raw JSON value; <see langword="default"/>(<see cref="JsonElement"/>) when the value is absent.</summary>
    public JsonElement Json => _json;

    /// <summary>The JSON kind of the value; <see cref="JsonValueKind.Undefined"/> when the value is absent.</summary>
    public JsonValueKind Kind => _json.ValueKind;

    /// <summary>Whether the value is JSON <c>null</c> or absent.</summary>
    public bool IsNull => _json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>
    /// The value as text: a JSON string as it is, a number as its raw JSON text (<c>1245.75</c>), <c>true</c> or
    /// <c>false</c>, an object or array as its raw JSON, and an empty string for <c>null</c> or an absent value.
    /// </summary>
    public override string ToString() => _json.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => "",
        JsonValueKind.String => _json.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => _json.GetRawText(),
    };

    /// <summary>Whether both values have the same raw JSON text (both absent counts as equal).</summary>
    /// <param name="other">The value to compare with.</param>
    public bool Equals(ExtractedValue other) => string.Equals(RawText, other.RawText, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ExtractedValue other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => RawText is { } text ? StringComparer.Ordinal.GetHashCode(text) : 0;

    /// <summary>Whether both values have the same raw JSON text.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(ExtractedValue left, ExtractedValue right) => left.Equals(right);

    /// <summary>Whether the values' raw JSON texts differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(ExtractedValue left, ExtractedValue right) => !left.Equals(right);

    private string? RawText => _json.ValueKind == JsonValueKind.Undefined ? null : _json.GetRawText();
}
