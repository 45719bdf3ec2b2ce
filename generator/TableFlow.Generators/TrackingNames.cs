namespace TableFlow.Generators;

/// <summary>Names of the generator's pipeline steps, for step-tracking (caching) tests and benchmarks.</summary>
internal static class TrackingNames
{
    /// <summary>The transform of each <c>[TableFlow]</c> class into a model, or <see langword="null"/> when it has errors.</summary>
    public const string FlowModels = nameof(FlowModels);

    /// <summary>The models that are emitted (null models filtered out).</summary>
    public const string ValidFlowModels = nameof(ValidFlowModels);

    /// <summary>The hint names that differ from another flow class's only in letter case (usually none).</summary>
    public const string HintNameClashes = nameof(HintNameClashes);

    /// <summary>Each <c>tableflow.json</c> read and parsed into its flows (or <see langword="null"/> when it cannot be read).</summary>
    public const string DefinitionFiles = nameof(DefinitionFiles);

    /// <summary>The flows of every <c>tableflow.json</c>, merged into one value-compared index.</summary>
    public const string FlowDefinitions = nameof(FlowDefinitions);

    /// <summary>Each valid model completed with its flow's definition: limits, and the fields of a schema-first class.</summary>
    public const string BoundFlowModels = nameof(BoundFlowModels);
}
