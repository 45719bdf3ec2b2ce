using Microsoft.CodeAnalysis;

namespace TableFlow.Generators;

/// <summary>
/// One thing wrong with a <c>[TableFlow]</c> declaration, found by <see cref="FlowDeclaration.Read"/>. The analyzers
/// report it as the diagnostic <paramref name="Id"/>; the generator emits nothing while an error-level problem exists.
/// </summary>
/// <param name="Id">The diagnostic id, one of <see cref="FlowProblemIds"/>.</param>
/// <param name="Location">The precise token the problem is about.</param>
/// <param name="Message">A complete sentence naming the problem and the fix.</param>
/// <param name="Fix">Which code fix applies, when the id alone does not say (a <see cref="Fix"/> value), or <see langword="null"/>.</param>
internal sealed record FlowProblem(string Id, Location Location, string Message, string? Fix = null)
{
    /// <summary>The diagnostic property that names the code fix for a problem.</summary>
    public const string FixProperty = "TableFlow.Fix";

    /// <summary>TF0008 for a primary constructor without a <c>TableFlowClient</c> parameter: the fix adds one.</summary>
    public const string AddClientParameterFix = "AddClientParameter";

    /// <summary>Whether the problem is only a warning (TF0003, TF0007): the declaration can still be generated.</summary>
    public bool IsWarning => FlowProblemIds.IsWarning(Id);
}
