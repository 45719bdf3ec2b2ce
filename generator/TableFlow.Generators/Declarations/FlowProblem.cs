using Microsoft.CodeAnalysis;

namespace TableFlow.Generators;

/// <summary>
/// One thing wrong with a <c>[TableFlow]</c> declaration, found by <see cref="FlowDeclaration.Read"/>. The analyzers
/// report it as the diagnostic <paramref name="Id"/>; the generator emits nothing while an error-level problem exists.
/// </summary>
/// <param name="Id">The diagnostic id, one of <see cref="FlowProblemIds"/>.</param>
/// <param name="Location">The precise token the problem is about.</param>
/// <param name="Message">A complete sentence naming the problem and the fix.</param>
internal sealed record FlowProblem(string Id, Location Location, string Message)
{
    /// <summary>Whether the problem is only a warning (TF0003, TF0007): the declaration can still be generated.</summary>
    public bool IsWarning => FlowProblemIds.IsWarning(Id);
}
