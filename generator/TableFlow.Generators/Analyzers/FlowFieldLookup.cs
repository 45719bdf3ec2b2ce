using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Analyzers;

/// <summary>
/// Answers "is this property a file field?" the way the generator does, by asking <see cref="FlowDeclaration.Read"/>,
/// and remembers the answer per <c>[TableFlow]</c> class for the life of one compilation (an operation analyzer asks
/// once per property reference). Create it with <see cref="TryCreate"/> in a compilation-start action.
/// </summary>
internal sealed class FlowFieldLookup
{
    private readonly INamedTypeSymbol _tableFlowAttribute;
    private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<IPropertySymbol>> _fieldsByType = new(SymbolEqualityComparer.Default);

    private FlowFieldLookup(INamedTypeSymbol tableFlowAttribute) => _tableFlowAttribute = tableFlowAttribute;

    /// <summary>The lookup of <paramref name="compilation"/>, or <see langword="null"/> when it does not reference the TableFlow runtime.</summary>
    public static FlowFieldLookup? TryCreate(Compilation compilation)
        => compilation.GetTypeByMetadataName(FlowRules.TableFlowAttributeName) is { } attribute ? new FlowFieldLookup(attribute) : null;

    /// <summary>Whether <paramref name="type"/> carries <c>[TableFlow]</c> (cheap: no declaration is read).</summary>
    public bool IsFlowClass(INamedTypeSymbol? type)
    {
        if (type is null) return false;
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _tableFlowAttribute)) return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="property"/> is one of the file fields of its <c>[TableFlow]</c> class.</summary>
    public bool IsFileField(IPropertySymbol property, CancellationToken ct)
    {
        var type = property.ContainingType;
        if (property.IsStatic || !IsFlowClass(type)) return false;
        var fields = _fieldsByType.GetOrAdd(type, t => ReadFields(t, ct));
        return fields.Contains(property.OriginalDefinition);
    }

    private static HashSet<IPropertySymbol> ReadFields(INamedTypeSymbol type, CancellationToken ct)
    {
        var set = new HashSet<IPropertySymbol>(SymbolEqualityComparer.Default);
        var declaration = FlowDeclaration.Read(type, ct);
        if (declaration is null || declaration.Fields.IsEmpty) return set;
        var syntax = new HashSet<SyntaxNode>(declaration.Fields.Select(f => (SyntaxNode)f.Syntax));
        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property && property.DeclaringSyntaxReferences.Any(r => syntax.Contains(r.GetSyntax(ct)))) set.Add(property);
        }

        return set;
    }
}
