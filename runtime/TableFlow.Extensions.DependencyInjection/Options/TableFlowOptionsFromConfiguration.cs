using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TableFlow;

namespace TableFlow.Extensions.DependencyInjection;

/// <summary>Reads the <c>TableFlow</c> configuration section into the options; nothing when the app has no configuration.</summary>
/// <remarks>The binder's source generator writes the binding code for the <c>Bind</c> call: no reflection, AOT safe.</remarks>
internal sealed class TableFlowOptionsFromConfiguration(IConfiguration? configuration) : IConfigureOptions<TableFlowClientOptions>
{
    public void Configure(TableFlowClientOptions options)
    {
        // LoggerFactory is a service, not a setting: the binder skips it (the project file silences SYSLIB1100/1101,
        // which say so) and TableFlowLoggerFactoryFallback sets it from the host.
        configuration?.GetSection(TableFlowServiceCollectionExtensions.ConfigurationSectionName).Bind(options);
    }
}
