using System;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TableFlow;

namespace TableFlow.Extensions.DependencyInjection;

/// <summary>
/// Checks the options when the host starts (<c>ValidateOnStart</c>), so a missing key or a bad setting is one clear
/// error at start-up instead of a failure at the first call.
/// </summary>
internal sealed class TableFlowOptionsValidator : IValidateOptions<TableFlowClientOptions>
{
    internal const string MissingKeyMessage =
        "No TableFlow API key is configured. Set \"" + TableFlowServiceCollectionExtensions.ConfigurationSectionName + ":ApiKey\" in configuration "
        + "(appsettings.json, user secrets, or the environment variable " + TableFlowServiceCollectionExtensions.ConfigurationSectionName + "__ApiKey), "
        + "or the " + TableFlowClientOptions.ApiKeyEnvironmentVariable + " environment variable, or ApiKey in AddTableFlow(options => ...).";

    /// <summary>Never sends anything: a client is made over it only to run the runtime's own checks.</summary>
    private static readonly HttpClient Unused = new();

    public ValidateOptionsResult Validate(string? name, TableFlowClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey)) return ValidateOptionsResult.Fail(MissingKeyMessage);

        try
        {
            // The runtime's checks, in one place: the options are valid exactly when a client can be made with them.
            using var probe = new TableFlowClient(Unused, options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            var message = e.ParamName is { } parameter ? e.Message.Replace($" (Parameter '{parameter}')", "") : e.Message;
            return ValidateOptionsResult.Fail(
                $"The TableFlow options (configuration section \"{TableFlowServiceCollectionExtensions.ConfigurationSectionName}\", then AddTableFlow(options => ...)) are not valid: {message}");
        }
    }
}
