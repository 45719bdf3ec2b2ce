namespace TableFlow.Generators.Rules;

/// <summary>The shape of a file-field property's type.</summary>
internal enum FieldShape
{
    /// <summary>Not a file field.</summary>
    None,

    /// <summary><c>FlowFile</c> or <c>FlowFile?</c>.</summary>
    Single,

    /// <summary><c>IReadOnlyList&lt;FlowFile&gt;</c>, <c>IEnumerable&lt;FlowFile&gt;</c> or <c>FlowFile[]</c>.</summary>
    Multi,
}
