using Microsoft.CodeAnalysis;

namespace TableFlow.Generators;

/// <summary>One file-field property of a <c>[TableFlow]</c> class, as the declaration rules read it.</summary>
internal sealed class FlowFieldDeclaration
{
    public FlowFieldDeclaration(
        IPropertySymbol property,
        AttributeData? flowFieldAttribute,
        string key,
        bool keyIsExplicit,
        Location keyLocation,
        FieldShape shape,
        bool required,
        string? defaultGuidance,
        string? docSummary)
    {
        Property = property;
        FlowFieldAttribute = flowFieldAttribute;
        Key = key;
        KeyIsExplicit = keyIsExplicit;
        KeyLocation = keyLocation;
        Shape = shape;
        Required = required;
        DefaultGuidance = defaultGuidance;
        DocSummary = docSummary;
    }

    /// <summary>The declaring property.</summary>
    public IPropertySymbol Property { get; }

    /// <summary>The property's <c>[FlowField]</c>, if it has one.</summary>
    public AttributeData? FlowFieldAttribute { get; }

    /// <summary>The form key: <c>[FlowField("key")]</c>, or the property name in snake_case.</summary>
    public string Key { get; }

    /// <summary>Whether <see cref="Key"/> was named in <c>[FlowField("key")]</c> rather than derived.</summary>
    public bool KeyIsExplicit { get; }

    /// <summary>Where the key comes from: the <c>[FlowField("key")]</c> argument, or the property identifier.</summary>
    public Location KeyLocation { get; }

    /// <summary>Single file or several files.</summary>
    public FieldShape Shape { get; }

    /// <summary>Whether a run needs the file(s): <c>[FlowField(Required = …)]</c> when given, otherwise non-nullability.</summary>
    public bool Required { get; }

    /// <summary>The <c>[FlowField(Guidance = …)]</c> default, or <see langword="null"/>.</summary>
    public string? DefaultGuidance { get; }

    /// <summary>The property's <c>///</c> summary as plain text (whitespace collapsed), or <see langword="null"/>.</summary>
    public string? DocSummary { get; }

    /// <summary>The property's name as declared (without <c>@</c>).</summary>
    public string PropertyName => Property.Name;

    /// <summary>Whether the field takes several files.</summary>
    public bool Multiple => Shape == FieldShape.Multi;
}
