using System;
using System.Text;

namespace TableFlow;

/// <summary>
/// A problem with one extracted value: a validation of the template that failed (sent by the API), or a value a typed
/// template could not convert to its declared C# type (<see cref="IsConversion"/>).
/// </summary>
public sealed class ExtractionIssue
{
    /// <summary>Creates an issue.</summary>
    /// <param name="field">The field key, or the column key for a table cell; <see langword="null"/> when the issue concerns no one value.</param>
    /// <param name="row">The 0-based row index for a table cell; otherwise <see langword="null"/>.</param>
    /// <param name="severity">How serious the issue is.</param>
    /// <param name="message">What is wrong, for a person.</param>
    /// <param name="rule">The validation that failed, such as <c>not_blank</c>; <see langword="null"/> when not sent.</param>
    /// <param name="table">The table key for a table cell; otherwise <see langword="null"/>.</param>
    /// <param name="isConversion">Whether the value could not be converted to the declared C# type (made by typed templates, never by the API).</param>
    /// <param name="severityText">The severity as the API spelled it; defaults to the lower-case name of <paramref name="severity"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    public ExtractionIssue(
        string? field,
        int? row,
        ExtractionIssueSeverity severity,
        string message,
        string? rule = null,
        string? table = null,
        bool isConversion = false,
        string? severityText = null)
    {
        Field = field;
        Row = row;
        Severity = severity;
        Message = message ?? throw new ArgumentNullException(nameof(message), "An extraction issue needs a message.");
        Rule = rule;
        Table = table;
        IsConversion = isConversion;
        SeverityText = severityText ?? DefaultText(severity);
    }

    /// <summary>The field key, or the column key for a table cell; <see langword="null"/> when the issue concerns no one value.</summary>
    public string? Field { get; }

    /// <summary>The table key for a table cell; <see langword="null"/> for a field.</summary>
    public string? Table { get; }

    /// <summary>The 0-based row index for a table cell; <see langword="null"/> for a field.</summary>
    public int? Row { get; }

    /// <summary>How serious the issue is; <c>warn</c> and <c>warning</c> are both <see cref="ExtractionIssueSeverity.Warning"/>.</summary>
    public ExtractionIssueSeverity Severity { get; }

    /// <summary>The severity as the API spelled it (such as <c>warn</c>); empty when none was sent.</summary>
    public string SeverityText { get; }

    /// <summary>What is wrong, for a person.</summary>
    public string Message { get; }

    /// <summary>The validation that failed, such as <c>not_blank</c> or <c>regex</c>; <see langword="null"/> when not sent.</summary>
    public string? Rule { get; }

    /// <summary>
    /// Whether the value could not be converted to the declared C# type. Typed templates make such issues; the API never does.
    /// </summary>
    public bool IsConversion { get; }

    /// <summary>Where and what, such as <c>line_items[3].quantity: error: Quantity must not be blank (not_blank)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Table is not null) text.Append(Table);
        if (Row is { } row) text.Append('[').Append(row).Append(']');
        if (Field is not null)
        {
            if (text.Length > 0) text.Append('.');
            text.Append(Field);
        }

        if (text.Length > 0) text.Append(": ");
        var severity = Severity == ExtractionIssueSeverity.Unknown ? SeverityText : DefaultText(Severity);
        if (severity.Length > 0) text.Append(severity).Append(": ");
        text.Append(Message);
        if (Rule is not null) text.Append(" (").Append(Rule).Append(')');
        return text.ToString();
    }

    private static string DefaultText(ExtractionIssueSeverity severity) => severity switch
    {
        ExtractionIssueSeverity.Error => "error",
        ExtractionIssueSeverity.Warning => "warning",
        ExtractionIssueSeverity.Info => "info",
        _ => "",
    };
}
