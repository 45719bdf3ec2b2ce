using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace TableFlow.Generators.Declarations;

/// <summary>
/// One thing wrong with a <c>[TableFlow]</c> declaration, found by <see cref="FlowDeclaration.Read"/>: the diagnostic
/// the analyzers report for it, where, and with which message arguments. The generator emits nothing while an
/// error-level problem exists.
/// </summary>
/// <param name="Descriptor">The diagnostic, one of <see cref="Diagnostics.DiagnosticDescriptors"/>.</param>
/// <param name="Location">The precise token the problem is about.</param>
/// <param name="Arguments">The arguments of the descriptor's message format.</param>
/// <param name="Fix">Which code fix applies, when the id alone does not say (a <see cref="Fix"/> value), or <see langword="null"/>.</param>
internal sealed record FlowProblem(DiagnosticDescriptor Descriptor, Location Location, object[] Arguments, string? Fix = null)
{
    /// <summary>The diagnostic property that names the code fix for a problem.</summary>
    public const string FixProperty = "TableFlow.Fix";

    /// <summary>TF0008 for a primary constructor without a <c>TableFlowClient</c> parameter: the fix adds one.</summary>
    public const string AddClientParameterFix = "AddClientParameter";

    /// <summary>The diagnostic id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Whether the problem is only a warning (TF0003, TF0007): the declaration can still be generated.</summary>
    public bool IsWarning => Descriptor.DefaultSeverity == DiagnosticSeverity.Warning;

    /// <summary>The message as the user reads it (invariant culture).</summary>
    public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), Arguments);

    /// <summary>The diagnostic to report.</summary>
    public Diagnostic ToDiagnostic()
        => Diagnostic.Create(
            Descriptor,
            Location,
            Fix is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, Fix),
            Arguments);
}
