namespace TableFlow.Testing;

/// <summary>The kinds of <see cref="Fault"/>.</summary>
public enum FaultKind
{
    /// <summary>An error status with the API's error body.</summary>
    Status,

    /// <summary>A delay before the normal answer.</summary>
    Delay,

    /// <summary>A dropped connection.</summary>
    Drop,
}
