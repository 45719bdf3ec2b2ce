namespace TableFlow.Benchmarks.Generators;

/// <summary>The edit applied before an incremental generator run.</summary>
public enum Edit
{
    /// <summary>A literal inside a method of a file that declares no flow.</summary>
    UnrelatedFile,

    /// <summary>A literal inside a method body of one flow class (the declaration itself is unchanged).</summary>
    FlowMethodBody,
}
