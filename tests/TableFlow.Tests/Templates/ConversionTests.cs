using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace TableFlow.Tests.Templates;

/// <summary>
/// The conversion table: every supported type × a JSON string or a typed JSON value × a good, a bad and an empty
/// value, read in the invariant culture while the current culture is one that writes numbers and dates differently.
/// </summary>
public class ConversionTests
{
    /// <summary>One row: the type, the raw JSON, the expected value (null: not convertible or no value), and whether it is "no value".</summary>
    public static IEnumerable<object?[]> Table()
    {
        static object?[] Row(string type, string json, object? expected, bool blank = false) => new[] { type, json, expected, blank };

        // string
        yield return Row("string", "\"INV-1\"", "INV-1");
        yield return Row("string", "1245.75", "1245.75");
        yield return Row("string", "true", "true");
        yield return Row("string", "{}", null);
        yield return Row("string", "\"  \"", null, blank: true);

        // numbers: a string and typed JSON each, good, bad, out of range and blank
        foreach (var (type, good, goodValue, bad) in new (string, string, object, string)[]
                 {
                     ("byte", "255", (byte)255, "256"), ("sbyte", "-128", (sbyte)-128, "128"),
                     ("short", "-32768", (short)-32768, "32768"), ("ushort", "65535", (ushort)65535, "-1"),
                     ("int", "2147483647", int.MaxValue, "2147483648"), ("uint", "4294967295", uint.MaxValue, "-1"),
                     ("long", "-9223372036854775808", long.MinValue, "9223372036854775808"), ("ulong", "18446744073709551615", ulong.MaxValue, "-1"),
                     ("decimal", "1245.75", 1245.75m, "1e40"), ("double", "1245.75", 1245.75d, "1e400"), ("float", "1245.75", 1245.75f, "1e40"),
                 })
        {
            yield return Row(type, good, goodValue);
            yield return Row(type, $"\"{good}\"", goodValue);
            yield return Row(type, bad, null);
            yield return Row(type, $"\"{bad}\"", null);
            yield return Row(type, "\"1,245.75\"", null);
            yield return Row(type, "\"abc\"", null);
            yield return Row(type, "true", null);
            yield return Row(type, "\"\"", null, blank: true);
            yield return Row(type, "null", null, blank: true);
        }

        yield return Row("int", "\"2.0\"", 2);
        yield return Row("int", "1e3", 1000);
        yield return Row("int", "\"2.5\"", null);
        yield return Row("decimal", "\"-1.5e3\"", -1500m);
        yield return Row("double", "\"NaN\"", null);

        // bool
        yield return Row("bool", "true", true);
        yield return Row("bool", "false", false);
        yield return Row("bool", "\"TRUE\"", true);
        yield return Row("bool", "\"False\"", false);
        yield return Row("bool", "\"yes\"", true);
        yield return Row("bool", "\"No\"", false);
        yield return Row("bool", "1", null);
        yield return Row("bool", "\"maybe\"", null);
        yield return Row("bool", "\" \"", null, blank: true);

        // dates
        yield return Row("DateOnly", "\"2023-04-15\"", new DateOnly(2023, 4, 15));
        yield return Row("DateOnly", "\"2023-04-15T00:00:00Z\"", new DateOnly(2023, 4, 15));
        yield return Row("DateOnly", "\"15.04.2023\"", null);
        yield return Row("DateOnly", "20230415", null);
        yield return Row("DateOnly", "\"\"", null, blank: true);
        yield return Row("DateTime", "\"2023-04-15\"", new DateTime(2023, 4, 15, 0, 0, 0, DateTimeKind.Unspecified));
        yield return Row("DateTime", "\"2023-04-15T10:30:00+02:00\"", new DateTime(2023, 4, 15, 8, 30, 0, DateTimeKind.Utc));
        yield return Row("DateTime", "\"2023-04-15T10:30:00.25Z\"", new DateTime(2023, 4, 15, 10, 30, 0, 250, DateTimeKind.Utc));
        yield return Row("DateTime", "\"04/15/2023\"", null);
        yield return Row("DateTime", "null", null, blank: true);
        yield return Row("DateTimeOffset", "\"2023-04-15\"", new DateTimeOffset(2023, 4, 15, 0, 0, 0, TimeSpan.Zero));
        yield return Row("DateTimeOffset", "\"2023-04-15 10:30:00-05:00\"", new DateTimeOffset(2023, 4, 15, 10, 30, 0, TimeSpan.FromHours(-5)));
        yield return Row("DateTimeOffset", "\"2023-04-15T10:30:00\"", new DateTimeOffset(2023, 4, 15, 10, 30, 0, TimeSpan.Zero));
        yield return Row("DateTimeOffset", "\"yesterday\"", null);
        yield return Row("DateTimeOffset", "1682366228", null);
        yield return Row("DateTimeOffset", "\"\\t\"", null, blank: true);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Converts_in_the_invariant_culture_whatever_the_current_culture(string type, string json, object? expected, bool blank)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            using var document = JsonDocument.Parse(json);
            var value = new ExtractedValue(document.RootElement);
            var (ok, actual) = TryGet(value, type);

            Assert.Equal(expected is not null, ok);
            Assert.Equal(expected, actual);
            Assert.Equal(blank, value.IsNullOrBlank);
            if (expected is DateTime date) Assert.Equal(date.Kind, ((DateTime)actual!).Kind);
            if (expected is DateTimeOffset instant) Assert.Equal(instant.Offset, ((DateTimeOffset)actual!).Offset);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void An_absent_value_converts_to_nothing()
    {
        var absent = default(ExtractedValue);
        Assert.True(absent.IsNullOrBlank);
        Assert.False(absent.TryGetString(out var text));
        Assert.Null(text);
        Assert.False(absent.TryGetInt32(out var number));
        Assert.Equal(0, number);
        Assert.False(absent.TryGetDateOnly(out _));
    }

    private static (bool Ok, object? Value) TryGet(ExtractedValue value, string type)
    {
        switch (type)
        {
            case "string": { var ok = value.TryGetString(out var x); return (ok, x); }
            case "byte": { var ok = value.TryGetByte(out var x); return (ok, ok ? x : null); }
            case "sbyte": { var ok = value.TryGetSByte(out var x); return (ok, ok ? x : null); }
            case "short": { var ok = value.TryGetInt16(out var x); return (ok, ok ? x : null); }
            case "ushort": { var ok = value.TryGetUInt16(out var x); return (ok, ok ? x : null); }
            case "int": { var ok = value.TryGetInt32(out var x); return (ok, ok ? x : null); }
            case "uint": { var ok = value.TryGetUInt32(out var x); return (ok, ok ? x : null); }
            case "long": { var ok = value.TryGetInt64(out var x); return (ok, ok ? x : null); }
            case "ulong": { var ok = value.TryGetUInt64(out var x); return (ok, ok ? x : null); }
            case "decimal": { var ok = value.TryGetDecimal(out var x); return (ok, ok ? x : null); }
            case "double": { var ok = value.TryGetDouble(out var x); return (ok, ok ? x : null); }
            case "float": { var ok = value.TryGetSingle(out var x); return (ok, ok ? x : null); }
            case "bool": { var ok = value.TryGetBoolean(out var x); return (ok, ok ? x : null); }
            case "DateOnly": { var ok = value.TryGetDateOnly(out var x); return (ok, ok ? x : null); }
            case "DateTime": { var ok = value.TryGetDateTime(out var x); return (ok, ok ? x : null); }
            case "DateTimeOffset": { var ok = value.TryGetDateTimeOffset(out var x); return (ok, ok ? x : null); }
            default: throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }
}
