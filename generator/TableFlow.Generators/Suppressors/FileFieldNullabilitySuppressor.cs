using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TableFlow.Generators.Analyzers;

namespace TableFlow.Generators.Suppressors;

/// <summary>
/// Suppresses CS8618 ("non-nullable property must contain a non-null value when exiting constructor") for the
/// file-field properties of <c>[TableFlow]</c> classes. Those properties only declare the flow's fields, as
/// <c>[LoggerMessage]</c> methods declare log messages; they are never assigned and TF0011 warns where code reads one.
/// The compiler reports CS8618 either at the property (a class without constructors) or at each constructor that
/// leaves it unassigned — the generated <c>(TableFlowClient)</c> one, or a user's that does not chain to it — naming
/// the property only in its message. Both places are handled; any other member's CS8618 is left alone.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FileFieldNullabilitySuppressor : DiagnosticSuppressor
{
    /// <summary>The suppression of CS8618 on file-field properties.</summary>
    internal static readonly SuppressionDescriptor FileFieldCs8618 = new(
        id: "TFSPR0001",
        suppressedDiagnosticId: "CS8618",
        justification: "File-field properties of a [TableFlow] class declare the flow's fields and hold no value; files are passed to the generated RunAsync.");

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ImmutableArray.Create(FileFieldCs8618);

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        var lookup = FlowFieldLookup.TryCreate(context.Compilation);
        if (lookup is null) return;

        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Location.SourceTree is not { } tree) continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var model = context.GetSemanticModel(tree);
            var property = model.GetDeclaredSymbol(node, context.CancellationToken) switch
            {
                IPropertySymbol declared => declared,
                // At a constructor (or a type, for a primary constructor) the property is named only in the message.
                IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => NamedProperty(constructor.ContainingType, diagnostic),
                INamedTypeSymbol type => NamedProperty(type, diagnostic),
                _ => null,
            };

            if (property is not null && lookup.IsFileField(property, context.CancellationToken))
            {
                context.ReportSuppression(Suppression.Create(FileFieldCs8618, diagnostic));
            }
        }
    }

    /// <summary>
    /// The property of <paramref name="type"/> that a CS8618 message names. The message is read in the invariant
    /// culture, whose text ("Non-nullable property 'Invoice' must contain …") names the member in the first quotes,
    /// whatever language the user's compiler speaks.
    /// </summary>
    private static IPropertySymbol? NamedProperty(INamedTypeSymbol type, Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var open = message.IndexOf('\'');
        var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        if (close < 0) return null;
        var name = message.Substring(open + 1, close - open - 1);
        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol property) return property;
        }

        return null;
    }
}
