using Microsoft.CodeAnalysis;

namespace TableFlow.Generators.Diagnostics;

/// <summary>
/// The descriptors of TF0001–TF0011. IDs, severities and meanings are public and stable (DESIGN.md "Diagnostics");
/// each help link points to the diagnostic's page under <c>docs/diagnostics/</c>. Problems found by the declaration
/// reader carry a full sentence, so their message format is <c>{0}</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    /// <summary>The category of every TableFlow diagnostic.</summary>
    public const string Category = "TableFlow";

    /// <summary>Where the diagnostics' pages live; the ID and <c>.md</c> are appended.</summary>
    public const string HelpLinkBase = "https://github.com/tableflow-generators/TableFlow.Generators/blob/main/docs/diagnostics/";

    /// <summary>TF0001: a <c>[TableFlow]</c> class, or a type containing it, is not partial.</summary>
    public static readonly DiagnosticDescriptor ClassNotPartial = Create(
        "TF0001", "TableFlow class must be partial", DiagnosticSeverity.Error,
        "The generator adds members to a [TableFlow] class, so the class and every type that contains it must be declared partial.");

    /// <summary>TF0002: the flow id is empty, blank, or cannot stand in a URL path segment.</summary>
    public static readonly DiagnosticDescriptor InvalidFlowId = Create(
        "TF0002", "Invalid flow id", DiagnosticSeverity.Error,
        "The flow id is sent in the URL path POST /v2/flows/{id}/run, so it must be non-empty and use only letters, digits, '-', '_', '.' or '~'.");

    /// <summary>TF0003: the class declares no file-field property.</summary>
    public static readonly DiagnosticDescriptor NoFileFields = Create(
        "TF0003", "Flow class declares no file field", DiagnosticSeverity.Warning,
        "A flow run needs files; declare each of the flow's file fields as a FlowFile (or FlowFile?, IReadOnlyList<FlowFile>, IEnumerable<FlowFile>, FlowFile[]) property.");

    /// <summary>TF0004: two properties map to the same form key.</summary>
    public static readonly DiagnosticDescriptor DuplicateFormKey = Create(
        "TF0004", "Duplicate form key", DiagnosticSeverity.Error,
        "Each file field is sent under its own form key; two properties with the same key would send two parts the flow cannot tell apart.");

    /// <summary>TF0005: a form key is empty or not a valid multipart field name.</summary>
    public static readonly DiagnosticDescriptor InvalidFormKey = Create(
        "TF0005", "Invalid form key", DiagnosticSeverity.Error,
        "A form key is sent as a multipart field name, so it must be non-empty and free of quotes, backslashes, control characters and surrounding white space.");

    /// <summary>TF0006: a form key collides with a reserved or derived name.</summary>
    public static readonly DiagnosticDescriptor ReservedFormKey = Create(
        "TF0006", "Form key collides with a reserved or derived name", DiagnosticSeverity.Error,
        "The run sends 'name', 'metadata' and, for every field, '<key>_metadata', '<key>_guidance' and '<key>_<n>'; a file field may not use one of those names.");

    /// <summary>TF0007: a property looks like a file but is not a FlowFile type, so it is not sent.</summary>
    public static readonly DiagnosticDescriptor LooksLikeFile = Create(
        "TF0007", "Property looks like a file but is not a FlowFile", DiagnosticSeverity.Warning,
        "Only FlowFile properties (and lists or arrays of them) become file fields; a Stream, byte[], FileInfo or file-named string property is ignored and never sent.");

    /// <summary>TF0008: the class is generic, static, or otherwise cannot take the generated members.</summary>
    public static readonly DiagnosticDescriptor UnsupportedClass = Create(
        "TF0008", "Class cannot take the generated members", DiagnosticSeverity.Error,
        "The generator adds an instance constructor, a constant and RunAsync to the class, so it must be a non-generic, non-static class.");

    /// <summary>TF0009: a user member already uses a generated name.</summary>
    public static readonly DiagnosticDescriptor GeneratedMemberConflict = Create(
        "TF0009", "Member conflicts with a generated member", DiagnosticSeverity.Error,
        "The generator adds FlowId, Fields, RunAsync and a constructor taking a TableFlowClient; a user member with the same signature prevents it.");

    /// <summary>TF0010: the declaration disagrees with the flow definition file <c>tableflow.json</c>.</summary>
    public static readonly DiagnosticDescriptor DefinitionMismatch = Create(
        "TF0010", "Declaration disagrees with the flow definition file", DiagnosticSeverity.Warning,
        "tableflow.json (an AdditionalFiles item in the shape of GET /v2/flows) describes the flow's file fields; the declaration should name the same fields, with the same shape.");

    /// <summary>TF0011: code reads a file-field property, which declares a field and holds no value.</summary>
    public static readonly DiagnosticDescriptor FileFieldRead = new(
        id: "TF0011",
        title: "File-field property read",
        messageFormat: "'{0}' declares a file field of the flow and holds no value; pass the file to RunAsync instead of reading the property",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "File-field properties are declarations, like [LoggerMessage] methods: they name the flow's fields and are always null at run time.",
        helpLinkUri: HelpLinkBase + "TF0011.md");

    /// <summary>The descriptor of a declaration problem's id (TF0001–TF0009), or <see langword="null"/> for an id this version does not know.</summary>
    public static DiagnosticDescriptor? ForProblem(string id) => id switch
    {
        FlowProblemIds.NotPartial => ClassNotPartial,
        FlowProblemIds.InvalidFlowId => InvalidFlowId,
        FlowProblemIds.NoFileFields => NoFileFields,
        FlowProblemIds.DuplicateKey => DuplicateFormKey,
        FlowProblemIds.InvalidKey => InvalidFormKey,
        FlowProblemIds.ReservedKey => ReservedFormKey,
        FlowProblemIds.FileLikeProperty => LooksLikeFile,
        FlowProblemIds.UnsupportedClass => UnsupportedClass,
        FlowProblemIds.GeneratedNameTaken => GeneratedMemberConflict,
        _ => null,
    };

    private static DiagnosticDescriptor Create(string id, string title, DiagnosticSeverity severity, string description)
        => new(id, title, "{0}", Category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");

    /// <summary>TF0012: a call to a generated <c>RunAsync</c> passes an optional argument by position.</summary>
    public static readonly DiagnosticDescriptor PositionalRunArgument = new(
        id: "TF0012",
        title: "Optional RunAsync argument passed by position",
        messageFormat: "This argument of {0}.RunAsync is passed by position and lands in the optional parameter '{1}'; name it ('{1}: …') so it cannot silently fill the wrong one",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "After the required files every parameter of a generated RunAsync is optional, and many are strings (each field's guidance, the run's name), so a positional \"PO-123\" is sent as whichever parameter comes next. Named arguments say where each value goes.",
        helpLinkUri: HelpLinkBase + "TF0012.md");
}
