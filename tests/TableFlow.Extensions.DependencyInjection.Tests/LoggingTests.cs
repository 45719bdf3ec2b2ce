using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace TableFlow.Extensions.DependencyInjection.Tests;

/// <summary>AddTableFlow() gives the client the host's logging, unless code chose another logger factory.</summary>
public sealed class LoggingTests
{
    [Fact]
    public async Task The_client_logs_to_the_hosts_providers()
    {
        await using var emulator = await HostTests.StartEmulatorAsync();
        var logs = new FakeLoggerProvider();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TableFlow:ApiKey"] = emulator.ApiKey,
            ["TableFlow:BaseAddress"] = emulator.BaseAddress.ToString(),
            ["TableFlow:PollingInterval"] = "00:00:00.050",
        });
        builder.Logging.AddProvider(logs);
        builder.Services.AddTableFlow().AddFlow<ReconciliationFlow>();
        using var host = builder.Build();
        await host.StartAsync();

        var run = await host.Services.GetRequiredService<ReconciliationFlow>().RunAsync(
            purchaseOrder: FlowFile.FromBytes("%PDF-1.4 po"u8.ToArray(), "po.pdf"),
            invoice: FlowFile.FromBytes("%PDF-1.4 invoice"u8.ToArray(), "invoice.pdf"));
        await host.Services.GetRequiredService<TableFlowClient>().WaitForFlowRunAsync(run);

        var events = logs.Collector.GetSnapshot().Where(r => r.Category == "TableFlow.TableFlowClient").Select(r => r.Id.Name).ToList();
        Assert.Contains("RunStarted", events);
        Assert.Contains("WaitEnded", events);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_logger_factory_set_in_code_wins_over_the_hosts()
    {
        await using var emulator = await HostTests.StartEmulatorAsync();
        using var own = LoggerFactory.Create(_ => { });
        var services = new ServiceCollection().AddLogging();
        services.AddTableFlow(o => { o.ApiKey = emulator.ApiKey; o.BaseAddress = emulator.BaseAddress; o.LoggerFactory = own; });
        await using var provider = services.BuildServiceProvider();

        Assert.Same(own, provider.GetRequiredService<IOptions<TableFlowClientOptions>>().Value.LoggerFactory);
    }
}
