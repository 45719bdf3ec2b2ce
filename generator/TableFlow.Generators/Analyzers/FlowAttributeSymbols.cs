using Microsoft.CodeAnalysis;

namespace TableFlow.Generators.Analyzers;

/// <summary>
/// The TableFlow attribute types of one compilation, resolved once per compilation so that symbol and operation
/// callbacks compare symbols instead of names. <see cref="TryCreate"/> fails when the compilation does not reference
/// the TableFlow runtime, in which case the analyzers register nothing.
/// </summary>
internal sealed class FlowAttributeSymbols
{
    private FlowAttributeSymbols(INamedTypeSymbol tableFlow, INamedTypeSymbol? flowIgnore)
    {
        TableFlow = tableFlow;
        FlowIgnore = flowIgnore;
    }

    /// <summary><c>TableFlow.TableFlowAttribute</c>.</summary>
    public INamedTypeSymbol TableFlow { get; }

    /// <summary><c>TableFlow.FlowIgnoreAttribute</c>, when the runtime has it.</summary>
    public INamedTypeSymbol? FlowIgnore { get; }

    /// <summary>Resolves the attribute types; <see langword="null"/> when <c>[TableFlow]</c> is not available.</summary>
    public static FlowAttributeSymbols? TryCreate(Compilation compilation)
    {
        var tableFlow = compilation.GetTypeByMetadataName(FlowRules.TableFlowAttributeName);
        return tableFlow is null ? null : new FlowAttributeSymbols(tableFlow, compilation.GetTypeByMetadataName(FlowRules.FlowIgnoreAttributeName));
    }

    /// <summary>Whether <paramref name="type"/> carries <c>[TableFlow]</c>.</summary>
    public bool IsFlowClass(INamedTypeSymbol? type) => type is not null && HasAttribute(type, TableFlow);

    /// <summary>
    /// Whether <paramref name="property"/> is a file field: an instance property of a <c>[TableFlow]</c> class whose
    /// type is a FlowFile shape and that is not marked <c>[FlowIgnore]</c>.
    /// </summary>
    public bool IsFileField(IPropertySymbol property)
    {
        if (property.IsStatic || property.IsIndexer) return false;
        if (!IsFlowClass(property.ContainingType)) return false;
        if (FlowRules.ClassifyType(property.Type, out _) == FieldShape.None) return false;
        return FlowIgnore is null || !HasAttribute(property, FlowIgnore);
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attribute)
    {
        foreach (var data in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute)) return true;
        }

        return false;
    }
}
