using System;
using System.Net.Http;

namespace TableFlow.Tests.Infrastructure;

/// <summary>Clients for the loopback servers, with short delays so retry and wait tests run fast.</summary>
public static class TestClients
{
    /// <summary>A distinctive key, so a test can look for it in any text.</summary>
    public const string ApiKey = "tf_test_SECRET_9c41f07be2d84a6f";

    public static TableFlowClientOptions Options(Uri baseAddress) => new()
    {
        ApiKey = ApiKey,
        BaseAddress = baseAddress,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromSeconds(5),
        PollingInterval = TimeSpan.FromMilliseconds(10),
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    public static TableFlowClient Create(LoopbackServer server, Action<TableFlowClientOptions>? configure = null)
    {
        var options = Options(server.BaseAddress);
        configure?.Invoke(options);
        return new TableFlowClient(options);
    }

    public static TableFlowClient Create(Uri baseAddress, Action<TableFlowClientOptions>? configure = null)
    {
        var options = Options(baseAddress);
        configure?.Invoke(options);
        return new TableFlowClient(options);
    }

    public static TableFlowClient Create(HttpClient http, Uri baseAddress, Action<TableFlowClientOptions>? configure = null)
    {
        var options = Options(baseAddress);
        configure?.Invoke(options);
        return new TableFlowClient(http, options);
    }
}
