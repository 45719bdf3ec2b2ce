using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TableFlow.Generators.Declarations;

/// <summary>
/// What <see cref="FlowDeclaration.Read(INamedTypeSymbol, AttributeData, PropertyBinder, bool, CancellationToken)"/> asks
/// the compiler about a property declaration, and nothing more: its type, and (only when its attributes or an unusual
/// doc comment matter) its symbol. The generator answers from the semantic model it already holds, binding just the type
/// syntax; the analyzers, which have symbols at hand, answer from the class's members.
/// </summary>
internal abstract class PropertyBinder
{
    /// <summary>The declared type of <paramref name="property"/>, or <see langword="null"/> when it cannot be bound.</summary>
    public abstract ITypeSymbol? TypeOf(PropertyDeclarationSyntax property, CancellationToken ct);

    /// <summary>The symbol of <paramref name="property"/>, or <see langword="null"/>.</summary>
    public abstract IPropertySymbol? SymbolOf(PropertyDeclarationSyntax property, CancellationToken ct);

    /// <summary>Binds through <paramref name="model"/> (and, for other parts of a partial class, their trees' models).</summary>
    public static PropertyBinder FromSemanticModel(SemanticModel model) => new SemanticModelBinder(model);

    /// <summary>Binds through the members of <paramref name="type"/>.</summary>
    public static PropertyBinder FromSymbols(INamedTypeSymbol type) => new SymbolBinder(type);

    private sealed class SemanticModelBinder : PropertyBinder
    {
        private readonly SemanticModel _model;
        private Dictionary<SyntaxTree, SemanticModel>? _others;

        public SemanticModelBinder(SemanticModel model) => _model = model;

        public override ITypeSymbol? TypeOf(PropertyDeclarationSyntax property, CancellationToken ct)
            => ModelOf(property.SyntaxTree).GetTypeInfo(property.Type, ct).Type;

        public override IPropertySymbol? SymbolOf(PropertyDeclarationSyntax property, CancellationToken ct)
            => ModelOf(property.SyntaxTree).GetDeclaredSymbol(property, ct) as IPropertySymbol;

        private SemanticModel ModelOf(SyntaxTree tree)
        {
            if (tree == _model.SyntaxTree) return _model;
            _others ??= new Dictionary<SyntaxTree, SemanticModel>();
            if (!_others.TryGetValue(tree, out var model)) _others[tree] = model = _model.Compilation.GetSemanticModel(tree);
            return model;
        }
    }

    private sealed class SymbolBinder : PropertyBinder
    {
        private readonly INamedTypeSymbol _type;
        private Dictionary<SyntaxNode, IPropertySymbol>? _bySyntax;

        public SymbolBinder(INamedTypeSymbol type) => _type = type;

        public override ITypeSymbol? TypeOf(PropertyDeclarationSyntax property, CancellationToken ct) => SymbolOf(property, ct)?.Type;

        public override IPropertySymbol? SymbolOf(PropertyDeclarationSyntax property, CancellationToken ct)
        {
            if (_bySyntax is null)
            {
                _bySyntax = new Dictionary<SyntaxNode, IPropertySymbol>();
                foreach (var member in _type.GetMembers())
                {
                    if (member is not IPropertySymbol symbol) continue;
                    foreach (var reference in symbol.DeclaringSyntaxReferences) _bySyntax[reference.GetSyntax(ct)] = symbol;
                }
            }

            return _bySyntax.TryGetValue(property, out var found) ? found : null;
        }
    }
}
