using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TableFlow.Extensions.DependencyInjection.Tests;

/// <summary>Where the options come from: the "TableFlow" section, then code, then TABLEFLOW_API_KEY; checked at start.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ConfigurationTests
{
    [Fact]
    public void Every_setting_is_read_from_the_TableFlow_configuration_section()
    {
        using var environment = new EnvironmentScope().Set("TABLEFLOW_API_KEY", "from-environment");
        var options = Resolve(new Dictionary<string, string?>
        {
            ["TableFlow:ApiKey"] = "from-config",
            ["TableFlow:BaseAddress"] = "https://gw.example.com/tableflow/",
            ["TableFlow:RequestTimeout"] = "00:05:00",
            ["TableFlow:PollingInterval"] = "00:00:03",
            ["TableFlow:WaitTimeout"] = "01:00:00",
            ["TableFlow:MaxRetries"] = "7",
            ["TableFlow:RetryDelay"] = "00:00:02",
            ["TableFlow:MaxRetryDelay"] = "00:01:00",
        });

        Assert.Equal("from-config", options.ApiKey);
        Assert.Equal(new Uri("https://gw.example.com/tableflow/"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), options.PollingInterval);
        Assert.Equal(TimeSpan.FromHours(1), options.WaitTimeout);
        Assert.Equal(7, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxRetryDelay);
    }

    [Fact]
    public void TableFlow__ApiKey_and_TableFlow__BaseAddress_in_the_environment_reach_the_options_through_the_host()
    {
        using var environment = new EnvironmentScope()
            .Set("TableFlow__ApiKey", "env-section-key")
            .Set("TableFlow__BaseAddress", "https://env.example.com/")
            .Set("TABLEFLOW_API_KEY", null);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        builder.Services.AddTableFlow();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<TableFlowClientOptions>>().Value;

        Assert.Equal("env-section-key", options.ApiKey);
        Assert.Equal(new Uri("https://env.example.com/"), options.BaseAddress);
    }

    [Fact]
    public void Code_overrides_configuration()
    {
        var options = Resolve(
            new Dictionary<string, string?> { ["TableFlow:ApiKey"] = "from-config", ["TableFlow:MaxRetries"] = "7" },
            o => o.MaxRetries = 0);

        Assert.Equal("from-config", options.ApiKey);
        Assert.Equal(0, options.MaxRetries);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void TABLEFLOW_API_KEY_is_the_fallback_when_the_section_sets_no_key_or_an_empty_one(string? sectionKey)
    {
        using var environment = new EnvironmentScope().Set("TABLEFLOW_API_KEY", "from-environment");
        var settings = new Dictionary<string, string?> { ["TableFlow:MaxRetries"] = "2" };
        if (sectionKey is not null) settings["TableFlow:ApiKey"] = sectionKey;

        Assert.Equal("from-environment", Resolve(settings).ApiKey);
    }

    [Fact]
    public async Task A_missing_key_stops_the_host_at_start_with_one_error_naming_the_section_and_the_environment_variables()
    {
        using var environment = new EnvironmentScope().Set("TABLEFLOW_API_KEY", null).Set("TableFlow__ApiKey", null);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TableFlow:BaseAddress"] = "https://api.tableflow.com/" });
        builder.Services.AddTableFlow().AddFlow<ReconciliationFlow>();
        using var host = builder.Build();    // building succeeds: nothing is resolved yet

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.Equal(failure, error.Message);
        Assert.StartsWith("No TableFlow API key is configured.", failure);
        Assert.Contains("\"TableFlow:ApiKey\"", failure);
        Assert.Contains("TableFlow__ApiKey", failure);
        Assert.Contains("TABLEFLOW_API_KEY", failure);
    }

    [Fact]
    public async Task A_bad_setting_stops_the_host_at_start_and_the_error_says_which_and_why()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TableFlow:ApiKey"] = "k",
            ["TableFlow:BaseAddress"] = "http://api.example.com/",
        });
        builder.Services.AddTableFlow();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.Contains("configuration section \"TableFlow\"", failure);
        Assert.Contains("BaseAddress 'http://api.example.com/' must use https", failure);
        Assert.DoesNotContain("(Parameter", failure);
    }

    [Fact]
    public void Without_an_IConfiguration_the_options_come_from_code_and_the_environment_only()
    {
        using var environment = new EnvironmentScope().Set("TABLEFLOW_API_KEY", "from-environment");
        var services = new ServiceCollection();
        services.AddTableFlow(o => o.MaxRetries = 1);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TableFlowClientOptions>>().Value;

        Assert.Equal("from-environment", options.ApiKey);
        Assert.Equal(1, options.MaxRetries);
    }

    private static TableFlowClientOptions Resolve(Dictionary<string, string?> settings, Action<TableFlowClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddTableFlow(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TableFlowClientOptions>>().Value;
    }
}
