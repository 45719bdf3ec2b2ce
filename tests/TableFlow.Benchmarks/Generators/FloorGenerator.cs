using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TableFlow.Benchmarks.Generators;

/// <summary>
/// The floor: the least an attribute-driven generator can do. One <c>ForAttributeWithMetadataName</c> on
/// <c>[TableFlow]</c> whose transform reads only the class name, and an output that emits nothing. Whatever a real
/// generator costs above this is the cost of its own model and emitter.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FloorGenerator : IIncrementalGenerator
{
    /// <summary>The tracking name of the transform step.</summary>
    public const string ClassNames = nameof(ClassNames);

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var names = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                "TableFlow.TableFlowAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => ctx.TargetSymbol.Name)
            .WithTrackingName(ClassNames);

        // A pipeline only runs up to a registered output; this one consumes the names and adds no source.
        context.RegisterSourceOutput(names, static (_, _) => { });
    }
}
