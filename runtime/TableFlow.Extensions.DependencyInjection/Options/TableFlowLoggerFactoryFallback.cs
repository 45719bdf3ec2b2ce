using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TableFlow;

namespace TableFlow.Extensions.DependencyInjection;

/// <summary>Gives the options the host's <see cref="ILoggerFactory"/> when code did not set one, so the client logs where the app does.</summary>
internal sealed class TableFlowLoggerFactoryFallback(ILoggerFactory? loggerFactory) : IPostConfigureOptions<TableFlowClientOptions>
{
    public void PostConfigure(string? name, TableFlowClientOptions options)
    {
        options.LoggerFactory ??= loggerFactory;
    }
}
