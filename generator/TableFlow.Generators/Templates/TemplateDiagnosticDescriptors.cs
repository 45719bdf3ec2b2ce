using Microsoft.CodeAnalysis;
using TableFlow.Generators.Diagnostics;

namespace TableFlow.Generators.Templates;

/// <summary>
/// The diagnostics of typed extraction templates (<c>[TableFlowTemplate]</c> classes), TF0013–TF0020, with their
/// message formats. They share the category and help-page scheme of <see cref="DiagnosticDescriptors"/>; where one id
/// covers several situations, each has its own descriptor with the same id, title, severity and page.
/// </summary>
internal static class TemplateDiagnosticDescriptors
{
    // ---- TF0013: the template class, or a type containing it, is not partial ---------------------------------------

    private const string NotPartialTitle = "TableFlow template class must be partial";
    private const string NotPartialDescription = "The generator adds TemplateId, ExtractAsync, ReadAsync, FromExtraction and a constructor to a [TableFlowTemplate] class, so the class and every type that contains it must be declared partial.";

    /// <summary>TF0013 on the class: {0} class name.</summary>
    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "TF0013", NotPartialTitle,
        "[TableFlowTemplate] class '{0}' must be partial so the generator can add its ReadAsync and FromExtraction methods. Add the 'partial' modifier.",
        NotPartialDescription);

    /// <summary>TF0013 for containing types: {0} class name, {1} the quoted names of the types without <c>partial</c>, {2} "is" or "are".</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "TF0013", NotPartialTitle,
        "[TableFlowTemplate] class '{0}' and every type that contains it must be partial so the generator can add its members; {1} {2} not. Add the 'partial' modifier.",
        NotPartialDescription);

    // ---- TF0014: the template id ---------------------------------------------------------------------------------

    /// <summary>TF0014: {0} class name, {1} why the id is not valid.</summary>
    public static readonly DiagnosticDescriptor InvalidTemplateId = Error(
        "TF0014", "Invalid template id",
        "The template id of [TableFlowTemplate] class '{0}' is not valid: {1}. Use the id of the extraction template shown in the TableFlow dashboard, such as \"JlLZVabDjYWzu7C9\".",
        "The template id is sent as the upload's template_id and compared with the extraction's; it must be a real template's id: non-empty, letters, digits, '-', '_', '.' or '~', and not 'auto' (which lets TableFlow pick any template, whose fields need not match the class).");

    // ---- TF0015: a property type the template cannot read -----------------------------------------------------------

    private const string UnsupportedTypeTitle = "Template property has an unsupported type";
    private const string UnsupportedTypeDescription = "A template field or table column is read into string, a numeric type (byte, sbyte, short, ushort, int, uint, long, ulong, float, double, decimal), bool, DateOnly, DateTime, DateTimeOffset (each nullable or not) or ExtractedValue (the raw value); a table is an IReadOnlyList<TRow> whose row type has such settable properties.";

    /// <summary>TF0015 on a template property: {0} property, {1} class name, {2} the property's type.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFieldType = Error(
        "TF0015", UnsupportedTypeTitle,
        "Property '{0}' of [TableFlowTemplate] class '{1}' has type '{2}', which a template field cannot be read into. Use string, a numeric type, bool, DateOnly, DateTime, DateTimeOffset (nullable or not), ExtractedValue, or IReadOnlyList<TRow> for a table; or make it a computed property (with a body), which the template does not fill.",
        UnsupportedTypeDescription);

    /// <summary>TF0015 for a table in another collection type (with a code fix): {0} property, {1} class name, {2} the property's type, {3} the row type.</summary>
    public static readonly DiagnosticDescriptor UnsupportedTableCollection = Error(
        "TF0015", UnsupportedTypeTitle,
        "Property '{0}' of [TableFlowTemplate] class '{1}' holds table rows as '{2}'; a template table is read into IReadOnlyList<{3}>. Change the property's type to IReadOnlyList<{3}>.",
        UnsupportedTypeDescription);

    /// <summary>TF0015 for a column of a row type: {0} row property, {1} row type, {2} its type, {3} table property, {4} class name.</summary>
    public static readonly DiagnosticDescriptor UnsupportedColumnType = Error(
        "TF0015", UnsupportedTypeTitle,
        "Property '{0}' of row type '{1}' has type '{2}', which a table column cannot be read into, so table '{3}' of [TableFlowTemplate] class '{4}' cannot be filled. Use string, a numeric type, bool, DateOnly, DateTime, DateTimeOffset (nullable or not) or ExtractedValue.",
        UnsupportedTypeDescription);

    // ---- TF0016: field, table and column keys ---------------------------------------------------------------------

    private const string KeyTitle = "Invalid or duplicate template key";
    private const string KeyDescription = "Each template field, table and table column is read by its key: the snake_case property name, or the key named in [TemplateField(\"key\")] / [TemplateTable(\"key\")]. A key must be non-empty, and two properties of one template (or of one row type) cannot read the same key.";

    /// <summary>TF0016: {0} first property, {1} second property, {2} the type, {3} the shared key, {4} "field", "table" or "column".</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = Error(
        "TF0016", KeyTitle,
        "Properties '{0}' and '{1}' of '{2}' both read the {4} key '{3}'. Give one of them its own key with [TemplateField(\"key\")] (or [TemplateTable(\"key\")] for a table), or remove the duplicate.",
        KeyDescription);

    /// <summary>TF0016: {0} the key (control characters escaped), {1} property, {2} the type.</summary>
    public static readonly DiagnosticDescriptor InvalidKey = Error(
        "TF0016", KeyTitle,
        "The key '{0}' of property '{1}' of '{2}' is empty or blank. Name the template's key, or remove the argument to use the snake_case property name.",
        KeyDescription);

    // ---- TF0017: a table whose row type cannot be filled -----------------------------------------------------------

    private const string RowTitle = "Table row type cannot be filled";
    private const string RowDescription = "The generated code creates each row with 'new TRow { Column = … }', so a row type must be a non-abstract class, struct or record with an accessible parameterless constructor and at least one settable (set or init) property of a supported type. Positional records without a parameterless constructor are not supported.";

    /// <summary>TF0017: {0} table property, {1} class name, {2} row type, {3} why.</summary>
    public static readonly DiagnosticDescriptor RowTypeCannotBeFilled = Error(
        "TF0017", RowTitle,
        "Table '{0}' of [TableFlowTemplate] class '{1}' has row type '{2}', which the generated code cannot fill: {3}. Use a non-abstract class, struct or record with an accessible parameterless constructor and settable properties.",
        RowDescription);

    // ---- TF0018: a property marked as both, or marked but not assignable --------------------------------------------

    private const string MarkTitle = "Template property is marked in a way the generator cannot honour";
    private const string MarkDescription = "[TemplateField] marks a field (or a column of a row type), [TemplateTable] marks an IReadOnlyList<TRow> table; a property is one or the other, and a marked property must be one the generated constructor can assign: an auto-property ({ get; }, { get; init; } or { get; set; }), not static and not computed.";

    /// <summary>TF0018: {0} property, {1} class name.</summary>
    public static readonly DiagnosticDescriptor FieldAndTable = Error(
        "TF0018", MarkTitle,
        "Property '{0}' of [TableFlowTemplate] class '{1}' has both [TemplateField] and [TemplateTable]; a property reads either a field or a table. Remove one of the attributes.",
        MarkDescription);

    /// <summary>TF0018: {0} property, {1} class name, {2} the property's type.</summary>
    public static readonly DiagnosticDescriptor TableAttributeOnNonList = Error(
        "TF0018", MarkTitle,
        "Property '{0}' of [TableFlowTemplate] class '{1}' has [TemplateTable] but its type '{2}' is not a list of rows. Declare it as IReadOnlyList<TRow>, or use [TemplateField] for a single value.",
        MarkDescription);

    /// <summary>TF0018: {0} property, {1} class name, {2} the attribute.</summary>
    public static readonly DiagnosticDescriptor MarkedPropertyNotAssignable = Error(
        "TF0018", MarkTitle,
        "Property '{0}' of [TableFlowTemplate] class '{1}' has [{2}] but is not an auto-property the generated constructor can assign (it is static, computed or has no accessor it can use). Make it '{{ get; }}', '{{ get; init; }}' or '{{ get; set; }}', or remove [{2}].",
        MarkDescription);

    // ---- TF0019: the class cannot take the generated members ------------------------------------------------------

    private const string UnsupportedClassTitle = "Template class cannot take the generated members";
    private const string UnsupportedClassDescription = "The generator adds a constant, three static methods and a private constructor that fills the properties, so a template must be a non-generic, non-static, non-abstract, non-file-local class or record (not a struct) without a primary constructor, whose base class has an accessible parameterless constructor, compiled as C# 7.1 or later.";

    /// <summary>TF0019: {0} class name, {1} why (a clause).</summary>
    public static readonly DiagnosticDescriptor UnsupportedClass = Error(
        "TF0019", UnsupportedClassTitle,
        "[TableFlowTemplate] class '{0}' cannot take the generated members: {1}. See TF0019 for what a template class must be.",
        UnsupportedClassDescription);

    // ---- TF0020: a member already uses a generated name -----------------------------------------------------------

    private const string ConflictTitle = "Member conflicts with a generated template member";
    private const string ConflictDescription = "The generator adds TemplateId, ExtractAsync, ReadAsync, FromExtraction and a private constructor taking a TemplateReader to a [TableFlowTemplate] class; a member of the class or of a base class with one of those names (or that constructor) prevents it.";

    /// <summary>TF0020 on the user's member: {0} class name, {1} the member name.</summary>
    public static readonly DiagnosticDescriptor MemberNameTaken = Error(
        "TF0020", ConflictTitle,
        "[TableFlowTemplate] class '{0}' declares '{1}', which the generator adds itself. Rename or remove the member.",
        ConflictDescription);

    /// <summary>TF0020 on the class: {0} class name, {1} the inherited member, {2} the base class.</summary>
    public static readonly DiagnosticDescriptor InheritedMemberHidden = Error(
        "TF0020", ConflictTitle,
        "[TableFlowTemplate] class '{0}' inherits '{1}' from '{2}', which the generated member would hide. Rename the member in '{2}', or do not derive '{0}' from it.",
        ConflictDescription);

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat, string description)
        => new(id, title, messageFormat, DiagnosticDescriptors.Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description,
            DiagnosticDescriptors.HelpLinkBase + id + ".md");
}
