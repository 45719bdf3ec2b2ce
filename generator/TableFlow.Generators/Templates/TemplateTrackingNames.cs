namespace TableFlow.Generators.Templates;

/// <summary>Names of the template pipeline's steps, for step-tracking (caching) tests.</summary>
internal static class TemplateTrackingNames
{
    /// <summary>The transform of each <c>[TableFlowTemplate]</c> class into a model, or <see langword="null"/> when it has errors.</summary>
    public const string TemplateModels = nameof(TemplateModels);

    /// <summary>The template models that are emitted (null models filtered out).</summary>
    public const string ValidTemplateModels = nameof(ValidTemplateModels);

    /// <summary>The template hint names that differ from another's only in letter case (usually none).</summary>
    public const string TemplateHintNameClashes = nameof(TemplateHintNameClashes);
}
