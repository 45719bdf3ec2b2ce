using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TableFlow.Testing;

/// <summary>
/// A validation rule on an emulated template's field or column, as TableFlow's templates define them
/// (<c>{"validate": "not_blank", "severity": "error", "message": "…"}</c>). The emulator evaluates <c>not_blank</c>,
/// <c>list</c>, <c>email</c>, <c>length</c> and <c>regex</c> over the template's values; any other rule is kept and ignored.
/// </summary>
public sealed class EmulatedValidation
{
    private EmulatedValidation(string validate, JsonNode? options, string? severity, string? message)
    {
        if (string.IsNullOrWhiteSpace(validate)) throw new ArgumentException("A validation needs its rule name, such as not_blank.", nameof(validate));
        Validate = validate;
        Severity = Extractions.ValidationSeverity.Checked(severity, nameof(severity));
        Message = message;
        Options = options is null ? default : Extractions.JsonValues.ToElement(options);
    }

    /// <summary>The rule's name, such as <c>not_blank</c> (the API's <c>validate</c>).</summary>
    public string Validate { get; }

    /// <summary>The severity as it is sent: <c>error</c> (the default), <c>warning</c>, <c>warn</c> or <c>info</c>.</summary>
    public string Severity { get; }

    /// <summary>The message of a failed check; <see langword="null"/> for the emulator's own.</summary>
    public string? Message { get; }

    internal JsonElement Options { get; }

    /// <summary>The value must not be null, empty or white space.</summary>
    /// <param name="severity"><c>error</c> (the default), <c>warning</c>, <c>warn</c> or <c>info</c>.</param>
    /// <param name="message">The message of a failed check; <see langword="null"/> for the emulator's own.</param>
    /// <returns>The rule.</returns>
    public static EmulatedValidation NotBlank(string? severity = null, string? message = null) => new("not_blank", null, severity, message);

    /// <summary>The value must be one of <paramref name="options"/>, compared case-insensitively (a blank value passes).</summary>
    /// <param name="options">The allowed values.</param>
    /// <param name="severity"><c>error</c> (the default), <c>warning</c>, <c>warn</c> or <c>info</c>.</param>
    /// <param name="message">The message of a failed check; <see langword="null"/> for the emulator's own.</param>
    /// <returns>The rule.</returns>
    public static EmulatedValidation List(IEnumerable<string> options, string? severity = null, string? message = null)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        var array = new JsonArray();
        foreach (var option in options) array.Add((JsonNode?)(option ?? throw new ArgumentException("A list option is null.", nameof(options))));
        return new("list", array, severity, message);
    }

    /// <summary>The value must look like an email address (a blank value passes).</summary>
    /// <param name="severity"><c>error</c> (the default), <c>warning</c>, <c>warn</c> or <c>info</c>.</param>
    /// <param name="message">The message of a failed check; <see langword="null"/> for the emulator's own.</param>
    /// <returns>The rule.</returns>
    public static EmulatedValidation Email(string? severity = null, string? message = null) => new("email", null, severity, message);

    /// <summary>The value's length in characters must be within <paramref name="min"/> and <paramref name="max"/> (a blank value passes).</summary>
    /// <param name="min">The shortest allowed length, or <see langword="null"/>.</param>
    /// <param name="max">The longest allowed length, or <see langword="null"/>.</param>
    /// <param name="severity"><c>error</c> (the default), <c>warning</c>, <c>warn</c> or <c>info</c>.</param>
    /// <param name="message">The message of a failed check; <see langword="null"/> for the emulator's own.</param>
    /// <returns>The rule.</returns>
    public static EmulatedValidation Length(int? min = null, int? max = null, string? severity = null, string? message = null)
    {
        if (min is < 0 || max is < 0 || (min is { } a && max is { } b && a > b))
        {
            throw new ArgumentException($"The length bounds min={min} max={max} are not a range.", nameof(min));
        }

        var options = new JsonObject();
        if (min is { } low) options["min"] = low;
        if (max is { } high) options["max"] = high;
        return new("length", options, severity, message);
    }

    /// <summary>The value must match the regular expression <paramref name="pattern"/> (a blank value passes).</summary>
    /// <param name="pattern">A .NET regular expression.</param>
    /// <param name="severity"><c>error</c> (the default), <c>warning</c>, <c>warn</c> or <c>info</c>.</param>
    /// <param name="message">The message of a failed check; <see langword="null"/> for the emulator's own.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentException">The pattern is not a valid regular expression.</exception>
    public static EmulatedValidation Regex(string pattern, string? severity = null, string? message = null)
    {
        if (Extractions.ValidationEvaluator.PatternProblem(pattern) is { } problem) throw new ArgumentException(problem, nameof(pattern));
        return new("regex", pattern, severity, message);
    }

    /// <summary>Any rule by name, with its options as JSON (a rule the emulator does not evaluate is kept and ignored).</summary>
    /// <param name="validate">The rule's name, such as <c>phone</c>.</param>
    /// <param name="options">The rule's options, or <see langword="null"/>.</param>
    /// <param name="severity"><c>error</c> (the default), <c>warning</c>, <c>warn</c> or <c>info</c>.</param>
    /// <param name="message">The message of a failed check; <see langword="null"/> for the emulator's own.</param>
    /// <returns>The rule.</returns>
    public static EmulatedValidation Rule(string validate, JsonNode? options = null, string? severity = null, string? message = null)
        => new(validate, options, severity, message);

    internal Extractions.ValidationRule ToRule() => new(Validate, Options, Severity, Message);

    /// <inheritdoc/>
    public override string ToString() => $"{Validate} ({Severity})";
}
