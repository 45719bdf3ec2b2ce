using System;
using System.Globalization;
using System.Text.Json;

namespace TableFlow;

// The conversions of an extracted value to .NET types (the other half of ExtractedValue.cs). Each reads a JSON string
// as well as the typed JSON value the API's data-types page promises, always in the invariant culture, and treats
// null, an absent value, "" and white space as "no value" (false, with the out value at its default).
public readonly partial struct ExtractedValue
{
    private static readonly string[] DateTimeFormats =
    {
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK",
        "yyyy'-'MM'-'dd'T'HH':'mmK",
        "yyyy'-'MM'-'dd' 'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd' 'HH':'mm':'ss.FFFFFFFK",
        "yyyy'-'MM'-'dd' 'HH':'mmK",
    };

    private const string DateFormat = "yyyy'-'MM'-'dd";

    /// <summary>
    /// Whether the value holds nothing to convert: JSON <c>null</c>, absent, or a string that is empty or white space.
    /// </summary>
    public bool IsNullOrBlank => IsNull || (Kind == JsonValueKind.String && string.IsNullOrWhiteSpace(_json.GetString()));

    /// <summary>The value as text: a string as it is, a number as its JSON text, a boolean as <c>true</c>/<c>false</c>.</summary>
    /// <param name="value">The text, or <see langword="null"/> when the method returns <see langword="false"/>.</param>
    /// <returns><see langword="false"/> for no value (<see cref="IsNullOrBlank"/>) and for an object or array.</returns>
    public bool TryGetString(out string? value)
    {
        value = null;
        if (IsNullOrBlank || Kind is JsonValueKind.Object or JsonValueKind.Array) return false;
        value = ToString();
        return true;
    }

    /// <summary>Reads a <see cref="decimal"/> from a JSON number or a string such as <c>"1245.75"</c> or <c>"-1.5e3"</c> (invariant culture, no thousands separators).</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a number in range.</returns>
    public bool TryGetDecimal(out decimal value)
    {
        value = 0;
        return NumberText() is { } text && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Reads a finite <see cref="double"/> from a JSON number or a string (invariant culture; NaN and infinities are refused).</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a finite number.</returns>
    public bool TryGetDouble(out double value)
    {
        value = 0;
        if (NumberText() is not { } text || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ||
            double.IsNaN(parsed) || double.IsInfinity(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>Reads a finite <see cref="float"/> from a JSON number or a string (invariant culture; out-of-range values are refused).</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a number a <see cref="float"/> holds.</returns>
    public bool TryGetSingle(out float value)
    {
        value = 0;
        if (!TryGetDouble(out var parsed) || parsed > float.MaxValue || parsed < float.MinValue) return false;
        value = (float)parsed;
        return true;
    }

    /// <summary>Reads a <see cref="long"/> from a JSON number or a string; <c>"2.0"</c> and <c>"1e3"</c> count, <c>"2.5"</c> does not.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetInt64(out long value)
    {
        value = 0;
        if (NumberText() is not { } text) return false;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value)) return true;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number) ||
            number < long.MinValue || number > long.MaxValue)
        {
            value = 0;
            return false;
        }

        value = (long)number;
        return true;
    }

    /// <summary>Reads a <see cref="ulong"/> from a JSON number or a string; whole numbers only, not negative.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetUInt64(out ulong value)
    {
        value = 0;
        if (NumberText() is not { } text) return false;
        if (ulong.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out value)) return true;
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number != decimal.Truncate(number) ||
            number < ulong.MinValue || number > ulong.MaxValue)
        {
            value = 0;
            return false;
        }

        value = (ulong)number;
        return true;
    }

    /// <summary>Reads an <see cref="int"/> from a JSON number or a string; whole numbers in range only.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetInt32(out int value)
    {
        var ok = TryGetInt64(out var number) && number >= int.MinValue && number <= int.MaxValue;
        value = ok ? (int)number : 0;
        return ok;
    }

    /// <summary>Reads a <see cref="uint"/> from a JSON number or a string; whole numbers in range only.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetUInt32(out uint value)
    {
        var ok = TryGetUInt64(out var number) && number <= uint.MaxValue;
        value = ok ? (uint)number : 0;
        return ok;
    }

    /// <summary>Reads a <see cref="short"/> from a JSON number or a string; whole numbers in range only.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetInt16(out short value)
    {
        var ok = TryGetInt64(out var number) && number >= short.MinValue && number <= short.MaxValue;
        value = ok ? (short)number : (short)0;
        return ok;
    }

    /// <summary>Reads a <see cref="ushort"/> from a JSON number or a string; whole numbers in range only.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetUInt16(out ushort value)
    {
        var ok = TryGetUInt64(out var number) && number <= ushort.MaxValue;
        value = ok ? (ushort)number : (ushort)0;
        return ok;
    }

    /// <summary>Reads a <see cref="byte"/> from a JSON number or a string; whole numbers 0–255 only.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetByte(out byte value)
    {
        var ok = TryGetUInt64(out var number) && number <= byte.MaxValue;
        value = ok ? (byte)number : (byte)0;
        return ok;
    }

    /// <summary>Reads an <see cref="sbyte"/> from a JSON number or a string; whole numbers −128–127 only.</summary>
    /// <param name="value">The number, or 0 when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is a whole number in range.</returns>
    public bool TryGetSByte(out sbyte value)
    {
        var ok = TryGetInt64(out var number) && number >= sbyte.MinValue && number <= sbyte.MaxValue;
        value = ok ? (sbyte)number : (sbyte)0;
        return ok;
    }

    /// <summary>
    /// Reads a <see cref="bool"/> from JSON <c>true</c>/<c>false</c> or the strings <c>"true"</c>/<c>"false"</c> and
    /// <c>"yes"</c>/<c>"no"</c>, in any letter case. Numbers (<c>1</c>, <c>0</c>) are not booleans.
    /// </summary>
    /// <param name="value">The boolean, or <see langword="false"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is one of those.</returns>
    public bool TryGetBoolean(out bool value)
    {
        value = false;
        switch (Kind)
        {
            case JsonValueKind.True:
                value = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.String:
                var text = _json.GetString()!.Trim();
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
                {
                    value = true;
                    return true;
                }

                return text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    /// <summary>
    /// Reads a <see cref="DateTimeOffset"/> from an RFC 3339 date-time string (<c>2023-04-15T10:30:00Z</c>,
    /// <c>2023-04-15T10:30:00.5+02:00</c>; a space may stand for the <c>T</c>) or a plain date (<c>2023-04-15</c>). A time
    /// without an offset, and a plain date, are taken as UTC.
    /// </summary>
    /// <param name="value">The instant, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is such a string.</returns>
    public bool TryGetDateTimeOffset(out DateTimeOffset value)
    {
        value = default;
        if (DateText() is not { } text) return false;
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal;
        return DateTimeOffset.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, styles, out value) ||
               DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, styles, out value);
    }

    /// <summary>
    /// Reads a <see cref="DateTime"/> from the strings <see cref="TryGetDateTimeOffset"/> reads. A value with an offset
    /// (or <c>Z</c>) becomes a UTC <see cref="DateTime"/> (<see cref="DateTimeKind.Utc"/>); a plain date or a time
    /// without an offset keeps its clock value (<see cref="DateTimeKind.Unspecified"/>).
    /// </summary>
    /// <param name="value">The date and time, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is such a string.</returns>
    public bool TryGetDateTime(out DateTime value)
    {
        value = default;
        if (DateText() is not { } text) return false;
        if (DateTime.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value)) return true;
        if (!DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out value))
        {
            return false;
        }

        return true;
    }

#if NET6_0_OR_GREATER
    /// <summary>
    /// Reads a <see cref="DateOnly"/> from a plain date (<c>2023-04-15</c>) or an RFC 3339 date-time string, whose date
    /// is taken as written (<c>2023-04-15T00:00:00Z</c> → 2023-04-15, the API's typed form of a date).
    /// </summary>
    /// <param name="value">The date, or <see langword="default"/> when the method returns <see langword="false"/>.</param>
    /// <returns>Whether the value is such a string.</returns>
    public bool TryGetDateOnly(out DateOnly value)
    {
        value = default;
        if (DateText() is not { } text) return false;
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out value)) return true;
        if (!DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return false;
        }

        value = DateOnly.FromDateTime(instant.DateTime);
        return true;
    }
#endif

    /// <summary>The text of a JSON number, or of a non-blank JSON string; otherwise <see langword="null"/>.</summary>
    private string? NumberText() => Kind switch
    {
        JsonValueKind.Number => _json.GetRawText(),
        JsonValueKind.String when !IsNullOrBlank => _json.GetString(),
        _ => null,
    };

    /// <summary>The text of a non-blank JSON string (dates are strings in JSON); otherwise <see langword="null"/>.</summary>
    private string? DateText() => Kind == JsonValueKind.String && !IsNullOrBlank ? _json.GetString()!.Trim() : null;
}
