namespace TableFlow.Generators.Model;

/// <summary>
/// Everything the emitter needs about one flow class, as plain values: no symbols, syntax or locations, so that equal
/// declarations give equal models and the incremental pipeline caches them.
/// </summary>
/// <param name="Namespace">The containing namespace (<c>A.B</c>), or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">Headers that re-open the containing types, outer first, such as <c>partial struct Outer</c>.</param>
/// <param name="TypeKeyword">How the class is declared: <c>class</c> or <c>record</c>.</param>
/// <param name="ClassName">The class's identifier, <c>@</c>-escaped where needed.</param>
/// <param name="FullyQualifiedName">The class as <c>global::A.B.Outer.Name</c>.</param>
/// <param name="HintName">The generated file's name without extension (<c>A.B.Outer+Name</c>), unique per class up to letter case.</param>
/// <param name="FlowId">The flow id.</param>
/// <param name="NullableAnnotations">Whether the language version has nullable reference types (C# 8 and later).</param>
/// <param name="ClientField">The private field that holds the client, a name no user member has.</param>
/// <param name="ClientParameter">
/// The primary constructor's <c>TableFlowClient</c> parameter (<c>@</c>-escaped where needed), or <see langword="null"/>
/// when the class has no primary constructor and gets a generated one.
/// </param>
/// <param name="CaptureClientParameter">
/// Whether <c>RunAsync</c> reads <paramref name="ClientParameter"/> directly (capturing it); otherwise a generated field
/// named <paramref name="ClientField"/> is initialized from it.
/// </param>
/// <param name="RequestLocal">The local that holds the request in <c>RunAsync</c>, a name no parameter has.</param>
/// <param name="Fields">The file fields in declaration order.</param>
internal sealed record FlowModel(
    string? Namespace,
    EquatableArray<string> ContainingTypes,
    string TypeKeyword,
    string ClassName,
    string FullyQualifiedName,
    string HintName,
    string FlowId,
    bool NullableAnnotations,
    string ClientField,
    string? ClientParameter,
    bool CaptureClientParameter,
    string RequestLocal,
    EquatableArray<FlowFieldModel> Fields)
{
    /// <summary>
    /// For a class that declares no file field (a schema-first candidate): the names its members, and its base types'
    /// members, already use, which generated properties must not take. Empty otherwise.
    /// </summary>
    public EquatableArray<string> MemberNames { get; init; }

    /// <summary>The local of the file being checked in a multi-file field's loop, a name no parameter or other local has.</summary>
    public string FileLocal { get; init; } = "file";

    /// <summary>The local of a multi-file field's files, read once, a name no parameter or other local has.</summary>
    public string FilesLocal { get; init; } = "files";
}
