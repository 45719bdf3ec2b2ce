using Microsoft.CodeAnalysis;

namespace TableFlow.Generators.Diagnostics;

/// <summary>
/// Every diagnostic TableFlow reports, with its message format: the place to read what a TF id says and when. IDs,
/// severities and meanings are public and stable (TF0001–TF0012); each help link points to the diagnostic's page
/// under <c>docs/diagnostics/</c>. Where one id covers several situations (TF0001, TF0007–TF0010), each situation has
/// its own descriptor with the same id, severity and page, so every message stays a format with named arguments.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The category of every TableFlow diagnostic.</summary>
    public const string Category = "TableFlow";

    /// <summary>Where the diagnostics' pages live; the ID and <c>.md</c> are appended.</summary>
    public const string HelpLinkBase = "https://github.com/tableflow-generators/TableFlow.Generators/blob/main/docs/diagnostics/";

    // ---- TF0001: a [TableFlow] class, or a type containing it, is not partial --------------------------------------

    private const string NotPartialTitle = "TableFlow class must be partial";
    private const string NotPartialDescription = "The generator adds members to a [TableFlow] class, so the class and every type that contains it must be declared partial.";

    /// <summary>TF0001 on the class: {0} class name.</summary>
    public static readonly DiagnosticDescriptor ClassNotPartial = Error(
        "TF0001", NotPartialTitle,
        "[TableFlow] class '{0}' must be partial so the generator can add its RunAsync method and constructor. Add the 'partial' modifier.",
        NotPartialDescription);

    /// <summary>TF0001 for containing types: {0} class name, {1} the quoted names of the types without <c>partial</c>, {2} "is" or "are".</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "TF0001", NotPartialTitle,
        "[TableFlow] class '{0}' and every type that contains it must be partial so the generator can add its members; {1} {2} not. Add the 'partial' modifier.",
        NotPartialDescription);

    // ---- TF0002 … TF0006: the flow id and the form keys ------------------------------------------------------------

    /// <summary>TF0002: {0} class name, {1} why the id is not valid.</summary>
    public static readonly DiagnosticDescriptor InvalidFlowId = Error(
        "TF0002", "Invalid flow id",
        "The flow id of [TableFlow] class '{0}' is not valid: {1}. Use the id shown in the TableFlow dashboard, such as \"dk4g1tUg1uHLs8YU\".",
        "The flow id is sent in the URL path POST /v2/flows/{id}/run, so it must be non-empty and use only letters, digits, '-', '_', '.' or '~'.");

    /// <summary>TF0003: {0} class name.</summary>
    public static readonly DiagnosticDescriptor NoFileFields = Warning(
        "TF0003", "Flow class declares no file field",
        "[TableFlow] class '{0}' declares no file-field property, so its RunAsync sends no file. Declare one property per file of the flow, such as 'public FlowFile Invoice {{ get; }}'.",
        "A flow run needs files; declare each of the flow's file fields as a FlowFile (or FlowFile?, IReadOnlyList<FlowFile>, IEnumerable<FlowFile>, FlowFile[]) property.");

    /// <summary>TF0004: {0} first property, {1} second property, {2} class name, {3} the shared key.</summary>
    public static readonly DiagnosticDescriptor DuplicateFormKey = Error(
        "TF0004", "Duplicate form key",
        "Properties '{0}' and '{1}' of [TableFlow] class '{2}' both map to the form key '{3}'. Give one of them its own key with [FlowField(\"key\")], or remove the duplicate.",
        "Each file field is sent under its own form key; two properties with the same key would send two parts the flow cannot tell apart.");

    /// <summary>TF0005: {0} the key (control characters escaped), {1} property, {2} why it is not valid, {3} the key derived from the property name.</summary>
    public static readonly DiagnosticDescriptor InvalidFormKey = Error(
        "TF0005", "Invalid form key",
        "The form key '{0}' of property '{1}' is not a valid form field name: {2}. Name the flow's field key in [FlowField(\"key\")], such as [FlowField(\"{3}\")].",
        "A form key is sent as a multipart field name, so it must be non-empty and free of quotes, backslashes, control characters and surrounding white space.");

    /// <summary>TF0006: {0} the key, {1} property, {2} which name it collides with.</summary>
    public static readonly DiagnosticDescriptor ReservedFormKey = Error(
        "TF0006", "Form key collides with a reserved or derived name",
        "The form key '{0}' of property '{1}' collides with a name the request already uses: {2}. Give the property another key with [FlowField(\"key\")].",
        "The run sends 'name', 'metadata' and, for every field, '<key>_metadata', '<key>_guidance' and '<key>_<n>'; a file field may not use one of those names.");

    // ---- TF0007: a property meant as a file field that is not one -------------------------------------------------

    private const string NotSentTitle = "Property looks like a file but is not a FlowFile";
    private const string NotSentDescription = "Only FlowFile, FlowFile?, IReadOnlyList<FlowFile>, IEnumerable<FlowFile> and FlowFile[] properties become file fields; a Stream, byte[], FileInfo or file-named string property, or FlowFiles in another collection such as List<FlowFile>, is ignored and never sent.";

    /// <summary>TF0007 for a file-like type: {0} property, {1} class name, {2} the property's type.</summary>
    public static readonly DiagnosticDescriptor LooksLikeFile = Warning(
        "TF0007", NotSentTitle,
        "Property '{0}' of [TableFlow] class '{1}' looks like a file but its type '{2}' is not a FlowFile type, so it is not sent. Change its type to FlowFile (or IReadOnlyList<FlowFile> for several files), or mark it [FlowIgnore].",
        NotSentDescription);

    /// <summary>TF0007 for <c>[FlowField]</c> on another type: {0} property, {1} class name, {2} the property's type.</summary>
    public static readonly DiagnosticDescriptor FlowFieldOnOtherType = Warning(
        "TF0007", NotSentTitle,
        "Property '{0}' of [TableFlow] class '{1}' has [FlowField] but its type '{2}' is not a FlowFile type, so it is not sent. Change its type to FlowFile (or IReadOnlyList<FlowFile> for several files), or remove [FlowField].",
        NotSentDescription);

    /// <summary>TF0007 for FlowFiles in an unsupported shape (<c>List&lt;FlowFile&gt;</c>, …): {0} property, {1} class name, {2} the property's type.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFileShape = Warning(
        "TF0007", NotSentTitle,
        "Property '{0}' of [TableFlow] class '{1}' holds FlowFiles as '{2}', which is not a file-field shape, so it is not sent. Change its type to IReadOnlyList<FlowFile> (or IEnumerable<FlowFile>, FlowFile[], FlowFile), or mark it [FlowIgnore].",
        NotSentDescription);

    // ---- TF0008: the class cannot take the generated members ------------------------------------------------------

    private const string UnsupportedTitle = "Class cannot take the generated members";
    private const string UnsupportedDescription = "The generator adds a constant, Fields, RunAsync and (without a primary constructor) an instance constructor, so the flow must be a non-generic, non-static, non-file-local class or record compiled as C# 7.1 or later, whose primary constructor, if any, takes a TableFlowClient.";

    /// <summary>TF0008: {0} class name.</summary>
    public static readonly DiagnosticDescriptor StaticClass = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' is static, but the generator adds an instance constructor and an instance RunAsync method. Remove the 'static' modifier.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} type name.</summary>
    public static readonly DiagnosticDescriptor StructType = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] type '{0}' is a struct; the generator only extends classes and records. Declare it as a 'partial class' or 'partial record'.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name.</summary>
    public static readonly DiagnosticDescriptor GenericClass = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' is generic; a flow class needs one fixed set of fields. Remove its type parameters.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name.</summary>
    public static readonly DiagnosticDescriptor FileLocalClass = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' is file-local, so the generated part in another file cannot extend it. Remove the 'file' modifier.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name.</summary>
    public static readonly DiagnosticDescriptor ClassNamedLikeMember = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' has the name of a member the generator adds to it, which C# forbids. Rename the class.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name, {1} the project's C# version, {2} the minimum.</summary>
    public static readonly DiagnosticDescriptor LanguageVersionTooOld = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' is compiled as C# {1}, but the generated code needs C# {2} or later. Raise <LangVersion> in the project file.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name, {1} the generic containing type.</summary>
    public static readonly DiagnosticDescriptor NestedInGenericType = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' is nested in generic type '{1}'; a flow class needs one fixed set of fields. Move it out of '{1}'.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name, {1} the interface.</summary>
    public static readonly DiagnosticDescriptor NestedInInterface = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' is nested in interface '{1}', which the generator cannot re-open. Move it out of '{1}'.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name, {1} the file-local containing type.</summary>
    public static readonly DiagnosticDescriptor NestedInFileLocalType = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' is nested in file-local type '{1}', so the generated part in another file cannot extend it. Remove the 'file' modifier from '{1}'.",
        UnsupportedDescription);

    /// <summary>TF0008 on a primary constructor's parameter list (with a code fix that adds the parameter): {0} class name.</summary>
    public static readonly DiagnosticDescriptor PrimaryConstructorWithoutClient = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' has a primary constructor without a TableFlowClient parameter, so the generated RunAsync has no client to send its runs through (and no other constructor can be added). Add a 'TableFlowClient client' parameter.",
        UnsupportedDescription);

    /// <summary>TF0008: {0} class name, {1} the base class.</summary>
    public static readonly DiagnosticDescriptor BaseWithoutParameterlessConstructor = Error(
        "TF0008", UnsupportedTitle,
        "[TableFlow] class '{0}' derives from '{1}', which has no constructor without arguments for the generated constructor to call. Give '{1}' an accessible parameterless constructor, or do not derive from it.",
        UnsupportedDescription);

    // ---- TF0009: a member already uses a generated name -----------------------------------------------------------

    private const string ConflictTitle = "Member conflicts with a generated member";
    private const string ConflictDescription = "The generator adds FlowId, Fields, RunAsync and a constructor taking a TableFlowClient; a user member with the same signature, or an inherited one the generated member would hide, prevents it.";
    private const string ConflictRemedy = "Rename or remove the member; to run code at construction, write a constructor with other parameters that chains with ': this(client)'.";

    /// <summary>TF0009 on the user's member: {0} class name, {1} the member name (<c>FlowId</c>, <c>Fields</c>, <c>RunAsync</c>).</summary>
    public static readonly DiagnosticDescriptor MemberNameTaken = Error(
        "TF0009", ConflictTitle,
        "[TableFlow] class '{0}' declares '{1}', which the generator adds itself. " + ConflictRemedy,
        ConflictDescription);

    /// <summary>TF0009 on the user's <c>RunAsync</c>: {0} class name.</summary>
    public static readonly DiagnosticDescriptor RunAsyncTaken = Error(
        "TF0009", ConflictTitle,
        "[TableFlow] class '{0}' declares a 'RunAsync' method with the parameters of the generated one, which the generator adds itself. " + ConflictRemedy,
        ConflictDescription);

    /// <summary>TF0009 on the user's constructor: {0} class name.</summary>
    public static readonly DiagnosticDescriptor ClientConstructorTaken = Error(
        "TF0009", ConflictTitle,
        "[TableFlow] class '{0}' declares a constructor taking only a TableFlowClient, which the generator adds itself. " + ConflictRemedy,
        ConflictDescription);

    /// <summary>TF0009 on the class: {0} class name, {1} the inherited member's name, {2} the base class.</summary>
    public static readonly DiagnosticDescriptor InheritedMemberHidden = Error(
        "TF0009", ConflictTitle,
        "[TableFlow] class '{0}' inherits '{1}' from '{2}', which the generated member would hide. Rename the member in '{2}', or do not derive '{0}' from it.",
        ConflictDescription);

    /// <summary>TF0009 on the class: {0} class name, {1} the base class.</summary>
    public static readonly DiagnosticDescriptor InheritedRunAsyncHidden = Error(
        "TF0009", ConflictTitle,
        "[TableFlow] class '{0}' inherits a 'RunAsync' method with the parameters of the generated one from '{1}', which the generated member would hide. Rename the member in '{1}', or do not derive '{0}' from it.",
        ConflictDescription);

    /// <summary>TF0009 on the class: {0} class name, {1} the base flow class.</summary>
    public static readonly DiagnosticDescriptor DerivedFromFlowClass = Error(
        "TF0009", ConflictTitle,
        "[TableFlow] class '{0}' derives from [TableFlow] class '{1}', whose generated FlowId, Fields and RunAsync its own would hide. Derive both from a common base class without [TableFlow] instead.",
        ConflictDescription);

    // ---- TF0010: the declaration disagrees with tableflow.json ----------------------------------------------------

    private const string MismatchTitle = "Declaration disagrees with the flow definition file";
    private const string MismatchDescription = "tableflow.json (an AdditionalFiles item in the shape of GET /v2/flows) describes the flow's file fields; the declaration should name the same fields, with the same shape.";

    /// <summary>TF0010: {0} the file, {1} class name, {2} what is wrong with the file.</summary>
    public static readonly DiagnosticDescriptor DefinitionFileUnreadable = Warning(
        "TF0010", MismatchTitle,
        "{0} could not be read, so [TableFlow] class '{1}' is not checked against it: {2}. Save the answer of GET /v2/flows there unchanged, or fix the JSON.",
        MismatchDescription);

    /// <summary>TF0010: {0} flow id, {1} class name, {2} the file, {3} the quoted flow ids it lists.</summary>
    public static readonly DiagnosticDescriptor FlowNotInDefinitionFile = Warning(
        "TF0010", MismatchTitle,
        "Flow '{0}' of [TableFlow] class '{1}' is not in {2}, which lists {3}. Check the flow id, or save the current answer of GET /v2/flows (active flows only) to {2}.",
        MismatchDescription);

    /// <summary>TF0010: {0} flow id, {1} class name, {2} the file.</summary>
    public static readonly DiagnosticDescriptor FlowInactive = Warning(
        "TF0010", MismatchTitle,
        "Flow '{0}' of [TableFlow] class '{1}' is inactive in {2} (\"active\": false): the service does not list it and refuses its runs. Activate the flow in the TableFlow dashboard and save GET /v2/flows again, or use an active flow's id.",
        MismatchDescription);

    /// <summary>TF0010 (with a code fix that adds the property): {0} flow id, {1} key, {2} the file, {3} class name, {4} suggested property name.</summary>
    public static readonly DiagnosticDescriptor RequiredFieldMissing = Warning(
        "TF0010", MismatchTitle,
        "Flow '{0}' requires the file field '{1}' ({2}), but [TableFlow] class '{3}' has no property for it, so no call can send it. Add 'public FlowFile {4} {{ get; }}' (or name the key with [FlowField(\"{1}\")]).",
        MismatchDescription);

    /// <summary>
    /// TF0010 (with a code fix that renames it when a key is close): {0} property, {1} class name, {2} key, {3} flow id,
    /// {4} the file, {5} the flow's quoted keys, {6} "Did you mean 'key'? " naming the closest undeclared key, or empty.
    /// </summary>
    public static readonly DiagnosticDescriptor UnknownFieldKey = Warning(
        "TF0010", MismatchTitle,
        "Property '{0}' of [TableFlow] class '{1}' sends the form key '{2}', but flow '{3}' in {4} has no such file field; its fields are {5}. {6}Name the right key with [FlowField(\"key\")], or remove the property.",
        MismatchDescription);

    /// <summary>TF0010: {0} flow id, {1} key, {2} the file, {3} property, {4} class name.</summary>
    public static readonly DiagnosticDescriptor RequiredFieldDeclaredOptional = Warning(
        "TF0010", MismatchTitle,
        "Flow '{0}' requires the file field '{1}' ({2}), but property '{3}' of [TableFlow] class '{4}' declares it optional, so a call without it fails at run time. Make the property non-nullable.",
        MismatchDescription);

    /// <summary>TF0010: {0} key, {1} flow id, {2} the file, {3} property, {4} class name.</summary>
    public static readonly DiagnosticDescriptor MultipleFieldDeclaredSingle = Warning(
        "TF0010", MismatchTitle,
        "File field '{0}' of flow '{1}' takes several files (\"multiple\": true in {2}), but property '{3}' of [TableFlow] class '{4}' takes one. Declare it as IReadOnlyList<FlowFile>.",
        MismatchDescription);

    /// <summary>TF0010: {0} key, {1} flow id, {2} the file, {3} property, {4} class name.</summary>
    public static readonly DiagnosticDescriptor SingleFieldDeclaredMultiple = Warning(
        "TF0010", MismatchTitle,
        "File field '{0}' of flow '{1}' takes one file (\"multiple\": false in {2}), but property '{3}' of [TableFlow] class '{4}' takes several. Declare it as FlowFile.",
        MismatchDescription);

    /// <summary>TF0010 when the file does not say "multiple": {0} key, {1} flow id, {2} the file, {3} property, {4} class name.</summary>
    public static readonly DiagnosticDescriptor UnmarkedFieldDeclaredMultiple = Warning(
        "TF0010", MismatchTitle,
        "File field '{0}' of flow '{1}' takes one file ({2} does not mark it \"multiple\": true), but property '{3}' of [TableFlow] class '{4}' takes several. Declare it as FlowFile, or add \"multiple\": true to the field if the flow takes several files.",
        MismatchDescription);

    // ---- TF0011: reads of a file-field property -------------------------------------------------------------------

    /// <summary>TF0011: {0} <c>Class.Property</c>.</summary>
    public static readonly DiagnosticDescriptor FileFieldRead = Warning(
        "TF0011", "File-field property read",
        "'{0}' declares a file field of the flow and holds no value; pass the file to RunAsync instead of reading the property",
        "File-field properties are declarations, like [LoggerMessage] methods: they name the flow's fields and are always null at run time.");

    // ---- TF0012: optional RunAsync arguments passed by position --------------------------------------------------

    /// <summary>TF0012: {0} the flow class, {1} the parameter the argument lands in.</summary>
    public static readonly DiagnosticDescriptor PositionalRunArgument = Warning(
        "TF0012", "Optional RunAsync argument passed by position",
        "This argument of {0}.RunAsync is passed by position and lands in the optional parameter '{1}'; name it ('{1}: …') so it cannot silently fill the wrong one",
        "After the required files every parameter of a generated RunAsync is optional, and many are strings (each field's guidance, the run's name), so a positional \"PO-123\" is sent as whichever parameter comes next. Named arguments say where each value goes.");

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat, string description)
        => new(id, title, messageFormat, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");

    private static DiagnosticDescriptor Warning(string id, string title, string messageFormat, string description)
        => new(id, title, messageFormat, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
