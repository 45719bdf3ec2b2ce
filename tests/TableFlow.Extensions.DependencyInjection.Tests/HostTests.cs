using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TableFlow.Testing;

namespace TableFlow.Extensions.DependencyInjection.Tests;

/// <summary>An app built on the generic host gets a working client and injectable flows from AddTableFlow().</summary>
public sealed class HostTests
{
    [Fact]
    public async Task A_host_resolves_a_flow_whose_constructor_takes_other_services_and_runs_it_to_completion()
    {
        await using var emulator = await StartEmulatorAsync();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TableFlow:ApiKey"] = emulator.ApiKey,
            ["TableFlow:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["TableFlow:PollingInterval"] = "00:00:00.050",
        });
        builder.Services.AddLogging();
        builder.Services.AddTableFlow().AddFlow<ReconciliationFlow>();
        using var host = builder.Build();
        await host.StartAsync();

        var flow = host.Services.GetRequiredService<ReconciliationFlow>();
        var run = await flow.RunAsync(
            purchaseOrder: FlowFile.FromBytes("%PDF-1.4 po"u8.ToArray(), "po.pdf"),
            invoice: FlowFile.FromBytes("%PDF-1.4 invoice"u8.ToArray(), "invoice.pdf"),
            name: "From the host");
        run = await host.Services.GetRequiredService<TableFlowClient>().WaitForFlowRunAsync(run);

        Assert.Equal(FlowRunStatus.Completed, run.Status);
        Assert.NotNull(flow.Logger);
        Assert.Same(host.Services.GetRequiredService<TableFlowClient>(), flow.Client);
        var received = Assert.Single(emulator.Runs);
        Assert.Equal("From the host", received.Name);
        await host.StopAsync();
    }

    [Fact]
    public async Task Flows_are_transient_and_share_the_one_client()
    {
        await using var emulator = await StartEmulatorAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddTableFlow(o => { o.ApiKey = emulator.ApiKey; o.BaseAddress = emulator.BaseAddress; }).AddFlow<ReconciliationFlow>();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        await using var scope = provider.CreateAsyncScope();
        var first = scope.ServiceProvider.GetRequiredService<ReconciliationFlow>();
        var second = provider.GetRequiredService<ReconciliationFlow>();

        Assert.NotSame(first, second);
        Assert.Same(first.Client, second.Client);
        Assert.Same(provider.GetRequiredService<TableFlowClient>(), first.Client);
    }

    [Fact]
    public void AddFlow_refuses_a_class_that_is_not_a_flow_and_says_what_it_takes()
    {
        var builder = new ServiceCollection().AddTableFlow();

        var error = Assert.Throws<ArgumentException>(() => builder.AddFlow<NotAFlow>());

        Assert.Contains("NotAFlow is not a flow class", error.Message);
        Assert.Contains("[TableFlow(", error.Message);
    }

    [Fact]
    public async Task Registering_twice_registers_one_client_and_applies_both_configure_delegates_in_order()
    {
        await using var emulator = await StartEmulatorAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddTableFlow(o => { o.ApiKey = emulator.ApiKey; o.BaseAddress = emulator.BaseAddress; o.MaxRetries = 1; }).AddFlow<ReconciliationFlow>();
        services.AddTableFlow(o => o.MaxRetries = 5).AddFlow<ReconciliationFlow>();

        Assert.Single(services, d => d.ServiceType == typeof(TableFlowClient));
        Assert.Single(services, d => d.ServiceType == typeof(ReconciliationFlow));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<TableFlowClientOptions>));
        await using var provider = services.BuildServiceProvider();
        Assert.Equal(5, provider.GetRequiredService<IOptions<TableFlowClientOptions>>().Value.MaxRetries);
        Assert.Same(provider.GetRequiredService<TableFlowClient>(), provider.GetRequiredService<TableFlowClient>());
    }

    internal static async Task<TableFlowEmulator> StartEmulatorAsync()
    {
        var emulator = await TableFlowEmulator.StartAsync(new TableFlowEmulatorOptions { ProcessingTime = TimeSpan.FromMilliseconds(200) });
        emulator.AddFlow("diFlow0001", f => f.File("purchase_order", required: true).File("invoice", required: true));
        return emulator;
    }
}
