namespace TableFlow;

/// <summary>How a flow run was started.</summary>
public enum FlowTriggerMethod
{
    /// <summary>A trigger this version of the library does not know.</summary>
    Unknown = 0,

    /// <summary>Started through the API (<c>api</c>).</summary>
    Api,

    /// <summary>Started by hand in the dashboard (<c>manual</c>).</summary>
    Manual,
}
