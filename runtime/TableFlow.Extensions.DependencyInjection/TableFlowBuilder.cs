namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one implementation of <see cref="ITableFlowBuilder"/>.</summary>
internal sealed class TableFlowBuilder(IServiceCollection services) : ITableFlowBuilder
{
    public IServiceCollection Services { get; } = services;
}
