using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Declarations;

/// <summary>One file-field property of a <c>[TableFlow]</c> class, as the declaration reader reads it.</summary>
internal sealed class FlowFieldDeclaration
{
    public FlowFieldDeclaration(
        PropertyDeclarationSyntax syntax,
        string key,
        bool keyIsExplicit,
        bool keyUnknown,
        SyntaxNodeOrToken keySyntax,
        FieldShape shape,
        bool required,
        string? defaultGuidance,
        string? docSummary)
    {
        Syntax = syntax;
        Key = key;
        KeyIsExplicit = keyIsExplicit;
        KeyUnknown = keyUnknown;
        KeySyntax = keySyntax;
        Shape = shape;
        Required = required;
        DefaultGuidance = defaultGuidance;
        DocSummary = docSummary;
    }

    /// <summary>The property's declaration.</summary>
    public PropertyDeclarationSyntax Syntax { get; }

    /// <summary>The form key: <c>[FlowField("key")]</c>, or the property name in snake_case.</summary>
    public string Key { get; }

    /// <summary>Whether <see cref="Key"/> was named in <c>[FlowField("key")]</c> rather than derived.</summary>
    public bool KeyIsExplicit { get; }

    /// <summary>Whether the <c>[FlowField]</c> key is still being typed (unresolved): nothing is reported about it.</summary>
    public bool KeyUnknown { get; }

    /// <summary>Where the key comes from: the <c>[FlowField("key")]</c> argument, or the property identifier.</summary>
    public SyntaxNodeOrToken KeySyntax { get; }

    /// <summary>Where problems with the key are reported.</summary>
    public Location KeyLocation => KeySyntax.GetLocation() ?? Location.None;

    /// <summary>The property's identifier, where problems with the property are reported.</summary>
    public Location IdentifierLocation => Syntax.Identifier.GetLocation();

    /// <summary>Single file or several files.</summary>
    public FieldShape Shape { get; }

    /// <summary>Whether a run needs the file(s): <c>[FlowField(Required = …)]</c> when given, otherwise non-nullability.</summary>
    public bool Required { get; }

    /// <summary>The <c>[FlowField(Guidance = …)]</c> default, or <see langword="null"/>.</summary>
    public string? DefaultGuidance { get; }

    /// <summary>The property's <c>///</c> summary as plain text (whitespace collapsed), or <see langword="null"/>.</summary>
    public string? DocSummary { get; }

    /// <summary>The property's name as declared (without <c>@</c>).</summary>
    public string PropertyName => Syntax.Identifier.ValueText;

    /// <summary>Whether the field takes several files.</summary>
    public bool Multiple => Shape == FieldShape.Multi;
}
