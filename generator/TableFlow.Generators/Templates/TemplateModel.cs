using TableFlow.Generators.Model;

namespace TableFlow.Generators.Templates;

/// <summary>
/// Everything the emitter needs about one <c>[TableFlowTemplate]</c> class, as plain values (no symbols, syntax or
/// locations), so that equal declarations give equal models and the incremental pipeline caches them.
/// </summary>
/// <param name="Namespace">The containing namespace (<c>A.B</c>), or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">Headers that re-open the containing types, outer first, such as <c>partial struct Outer</c>.</param>
/// <param name="TypeKeyword">How the class is declared: <c>class</c> or <c>record</c>.</param>
/// <param name="ClassName">The class's identifier, <c>@</c>-escaped where needed.</param>
/// <param name="FullyQualifiedName">The class as <c>global::A.B.Outer.Name</c>.</param>
/// <param name="HintName">The generated file's name without extension, unique per class up to letter case.</param>
/// <param name="TemplateId">The template id.</param>
/// <param name="NullableAnnotations">Whether the language version has nullable reference types (C# 8 and later).</param>
/// <param name="DefaultConstructor">Whether the class declares no instance constructor, so the generated one must keep the implicit public parameterless one.</param>
/// <param name="SetsRequiredMembers">Whether the class has <c>required</c> members, which the generated constructor sets.</param>
/// <param name="Members">The fields and tables the generated constructor fills, in declaration order.</param>
internal sealed record TemplateModel(
    string? Namespace,
    EquatableArray<string> ContainingTypes,
    string TypeKeyword,
    string ClassName,
    string FullyQualifiedName,
    string HintName,
    string TemplateId,
    bool NullableAnnotations,
    bool DefaultConstructor,
    bool SetsRequiredMembers,
    EquatableArray<TemplateMemberModel> Members);

/// <summary>One property the generated code assigns: a template field, a table, or a column of a table's row type.</summary>
/// <param name="PropertyName">The property's identifier, <c>@</c>-escaped where needed.</param>
/// <param name="Key">The field, table or column key.</param>
/// <param name="ReaderMethod">The <c>TemplateReader</c> method that reads a value (<c>GetDecimal</c>), or <c>GetTable</c> for a table.</param>
/// <param name="Suffix">What follows the call for the property's nullability: <c>.GetValueOrDefault()</c>, <c> ?? ""</c> or nothing.</param>
/// <param name="RowType">For a table, the row type as <c>global::A.Row</c>; otherwise <see langword="null"/>.</param>
/// <param name="Columns">For a table, the row type's properties that the object initializer sets.</param>
/// <param name="DefaultValue">
/// What the generated parameterless constructor assigns, so a non-nullable reference property is never null: <c>""</c>
/// for a string, an empty array for a table; <see langword="null"/> when nothing is needed.
/// </param>
internal sealed record TemplateMemberModel(
    string PropertyName,
    string Key,
    string ReaderMethod,
    string Suffix,
    string? RowType,
    EquatableArray<TemplateMemberModel> Columns,
    string? DefaultValue)
{
    /// <summary>Whether the member is a table.</summary>
    public bool IsTable => RowType is not null;
}
