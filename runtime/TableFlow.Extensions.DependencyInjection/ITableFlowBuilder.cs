namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="TableFlowServiceCollectionExtensions.AddTableFlow"/> returns: the service collection TableFlow was
/// added to, for chaining <see cref="TableFlowBuilderExtensions.AddFlow{TFlow}(ITableFlowBuilder)"/>.
/// </summary>
public interface ITableFlowBuilder
{
    /// <summary>The service collection TableFlow's services were added to.</summary>
    IServiceCollection Services { get; }
}
