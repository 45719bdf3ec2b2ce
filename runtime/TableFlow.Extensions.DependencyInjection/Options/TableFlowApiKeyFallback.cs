using System;
using Microsoft.Extensions.Options;
using TableFlow;

namespace TableFlow.Extensions.DependencyInjection;

/// <summary>
/// Gives the options the <c>TABLEFLOW_API_KEY</c> environment variable when neither configuration nor code set a key.
/// An empty <c>TableFlow:ApiKey</c> (what binding an empty value gives) counts as not set.
/// </summary>
internal sealed class TableFlowApiKeyFallback : IPostConfigureOptions<TableFlowClientOptions>
{
    public void PostConfigure(string? name, TableFlowClientOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey)) return;
        var fromEnvironment = Environment.GetEnvironmentVariable(TableFlowClientOptions.ApiKeyEnvironmentVariable);
        options.ApiKey = string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }
}
