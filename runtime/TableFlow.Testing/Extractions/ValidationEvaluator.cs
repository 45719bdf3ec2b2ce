using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TableFlow.Testing.Extractions;

/// <summary>A failed validation on one value: the rule, its severity as configured, and the message.</summary>
internal sealed record ValidationIssue(string Validate, string Severity, string Message);

/// <summary>
/// Evaluates the documented rules over one value: <c>not_blank</c>, <c>list</c> (case-insensitive), <c>email</c>,
/// <c>length</c> (<c>{min?, max?}</c>) and <c>regex</c>. Every rule but <c>not_blank</c> passes a blank value; a rule the
/// emulator does not know (such as <c>phone</c>) is ignored, as nothing says how the service checks it.
/// </summary>
internal static class ValidationEvaluator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private static readonly Regex EmailPattern = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, RegexTimeout);

    public static string? PatternProblem(string? pattern)
    {
        if (string.IsNullOrEmpty(pattern)) return "The regex rule needs a pattern.";
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"The regex pattern '{pattern}' is not valid: {e.Message}";
        }
    }

    public static List<ValidationIssue> Evaluate(TemplateField field, JsonElement value)
    {
        var issues = new List<ValidationIssue>();
        var text = JsonValues.Text(value);
        var blank = string.IsNullOrWhiteSpace(text);
        foreach (var rule in field.Validations)
        {
            var problem = rule.Validate switch
            {
                "not_blank" => blank ? $"{field.Name} must not be blank" : null,
                _ when blank => null,
                "list" => InList(rule.Options, text!) ? null : $"{field.Name} must be one of {string.Join(", ", ListOptions(rule.Options))}",
                "email" => EmailPattern.IsMatch(text!) ? null : $"{field.Name} must be an email address",
                "length" => LengthProblem(field.Name, rule.Options, text!),
                "regex" => Matches(rule.Options, text!) ? null : $"{field.Name} does not match the expected format",
                _ => null,
            };
            if (problem is not null) issues.Add(new ValidationIssue(rule.Validate, rule.Severity, rule.Message ?? problem));
        }

        return issues;
    }

    private static IEnumerable<string> ListOptions(JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Array) yield break;
        foreach (var option in options.EnumerateArray())
        {
            if (JsonValues.Text(option) is { } text) yield return text;
        }
    }

    private static bool InList(JsonElement options, string text)
    {
        foreach (var option in ListOptions(options))
        {
            if (string.Equals(option, text, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static string? LengthProblem(string name, JsonElement options, string text)
    {
        var min = Bound(options, "min");
        var max = Bound(options, "max");
        if (min is { } low && text.Length < low) return $"{name} must be at least {low.ToString(CultureInfo.InvariantCulture)} characters long";
        if (max is { } high && text.Length > high) return $"{name} must be at most {high.ToString(CultureInfo.InvariantCulture)} characters long";
        return null;
    }

    private static int? Bound(JsonElement options, string name)
        => options.ValueKind == JsonValueKind.Object && options.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    private static bool Matches(JsonElement options, string text)
    {
        var pattern = options.ValueKind switch
        {
            JsonValueKind.String => options.GetString(),
            JsonValueKind.Object when options.TryGetProperty("pattern", out var p) && p.ValueKind == JsonValueKind.String => p.GetString(),
            _ => null,
        };
        if (pattern is null) return true;
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
