using System;

namespace TableFlow.Testing.Extractions;

/// <summary>
/// Validation severities. The docs disagree on the spelling of the middle one (<c>warning</c> on the validations page,
/// <c>warn</c> on the rows page and in filters): both are accepted and each is sent back as it was configured.
/// </summary>
internal static class ValidationSeverity
{
    public const string Error = "error";

    public static string Checked(string? severity, string parameter)
    {
        if (severity is null) return Error;
        var normal = severity.Trim().ToLowerInvariant();
        if (normal is "error" or "warning" or "warn" or "info") return normal;
        throw new ArgumentException($"The severity '{severity}' is not one of error, warning (or warn) and info.", parameter);
    }

    public static bool IsError(string severity) => severity == Error;

    public static bool IsWarning(string severity) => severity is "warn" or "warning";

    public static bool IsInfo(string severity) => severity == "info";
}
