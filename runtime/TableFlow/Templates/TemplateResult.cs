using System;
using System.Collections.Generic;

namespace TableFlow;

/// <summary>
/// An extraction read into a typed template: the <see cref="Value"/>, every <see cref="Issues">issue</see> (the API's
/// validations of the fields and of the rows read, and each value that could not be converted to its property's type),
/// and the <see cref="Extraction"/> it was read from.
/// </summary>
/// <typeparam name="T">The <see cref="TableFlowTemplateAttribute"/> class.</typeparam>
public sealed class TemplateResult<T>
{
    /// <summary>Creates a result (the generated <c>ReadAsync</c> and <c>FromExtraction</c> do; tests may too).</summary>
    /// <param name="value">The typed value.</param>
    /// <param name="issues">The issues; <see langword="null"/> for none.</param>
    /// <param name="extraction">The extraction the value was read from.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extraction"/> is <see langword="null"/>.</exception>
    public TemplateResult(T value, IReadOnlyList<ExtractionIssue>? issues, Extraction extraction)
    {
        Value = value;
        Issues = issues ?? Array.Empty<ExtractionIssue>();
        Extraction = extraction ?? throw new ArgumentNullException(nameof(extraction), "A template result needs the extraction it was read from.");
    }

    /// <summary>
    /// The typed value. A value that could not be converted is left <see langword="null"/> (or the type's default for a
    /// non-nullable value type) and has an issue with <see cref="ExtractionIssue.IsConversion"/> set; a missing value is
    /// left the same way without an issue.
    /// </summary>
    public T Value { get; }

    /// <summary>The API's validation issues of the fields and of the rows read, then the values that could not be converted.</summary>
    public IReadOnlyList<ExtractionIssue> Issues { get; }

    /// <summary>The extraction the value was read from.</summary>
    public Extraction Extraction { get; }

    /// <summary>Whether any issue is an <see cref="ExtractionIssueSeverity.Error"/> (every conversion issue is).</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var issue in Issues)
            {
                if (issue.Severity == ExtractionIssueSeverity.Error) return true;
            }

            return false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{typeof(T).Name} from extraction {Extraction.Id} ({Issues.Count} issues)";
}
