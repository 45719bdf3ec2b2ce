namespace TableFlow;

/// <summary>How serious an <see cref="ExtractionIssue"/> is.</summary>
public enum ExtractionIssueSeverity
{
    /// <summary>A severity this version of the library does not know, or none was sent. See <see cref="ExtractionIssue.SeverityText"/>.</summary>
    Unknown = 0,

    /// <summary>The data is unusable until it is fixed (<c>error</c>).</summary>
    Error,

    /// <summary>The data is usable but may be wrong (<c>warning</c>, or <c>warn</c> as some API pages spell it).</summary>
    Warning,

    /// <summary>For information only (<c>info</c>).</summary>
    Info,
}
