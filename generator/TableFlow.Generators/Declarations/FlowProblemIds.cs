namespace TableFlow.Generators;

/// <summary>The diagnostic ids of the declaration problems (DESIGN.md, "Diagnostics").</summary>
internal static class FlowProblemIds
{
    /// <summary>The class, or a type containing it, is not <c>partial</c>.</summary>
    public const string NotPartial = "TF0001";

    /// <summary>The flow id is empty, blank, or cannot stand in a URL path segment.</summary>
    public const string InvalidFlowId = "TF0002";

    /// <summary>The class declares no file-field property (warning).</summary>
    public const string NoFileFields = "TF0003";

    /// <summary>Two properties map to the same form key.</summary>
    public const string DuplicateKey = "TF0004";

    /// <summary>A form key is empty or not a valid form field name.</summary>
    public const string InvalidKey = "TF0005";

    /// <summary>A form key collides with a reserved or derived name.</summary>
    public const string ReservedKey = "TF0006";

    /// <summary>A property looks like a file but is not a <c>FlowFile</c> type (warning).</summary>
    public const string FileLikeProperty = "TF0007";

    /// <summary>The class is generic, static, or otherwise cannot take the generated members.</summary>
    public const string UnsupportedClass = "TF0008";

    /// <summary>A user member already uses a generated name.</summary>
    public const string GeneratedNameTaken = "TF0009";

    /// <summary>Whether problems with this id are warnings rather than errors.</summary>
    public static bool IsWarning(string id) => id is NoFileFields or FileLikeProperty;
}
