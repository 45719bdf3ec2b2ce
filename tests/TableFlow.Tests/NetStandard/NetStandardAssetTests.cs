using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.NetStandard;

/// <summary>
/// The netstandard2.0 build (what .NET Framework and older .NET get) has code paths of its own (#if NET). These tests
/// load that very assembly into its own load context and drive it over loopback HTTP through reflection.
/// </summary>
public sealed class NetStandardAssetTests : IDisposable
{
    private readonly AssemblyLoadContext _context = new("tableflow-netstandard2.0", isCollectible: true);
    private readonly Assembly _runtime;

    public NetStandardAssetTests()
    {
        var metadata = typeof(NetStandardAssetTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var asyncInterfaces = Path.Combine(metadata["NuGetPackageRoot"]!, "microsoft.bcl.asyncinterfaces", "10.0.15", "lib", "netstandard2.1", "Microsoft.Bcl.AsyncInterfaces.dll");
        _context.Resolving += (context, name) => name.Name == "Microsoft.Bcl.AsyncInterfaces" ? context.LoadFromAssemblyPath(asyncInterfaces) : null;
        _runtime = _context.LoadFromAssemblyPath(metadata["NetStandardRuntimePath"]!);
    }

    public void Dispose() => _context.Unload();

    [Fact]
    public void The_loaded_assembly_is_the_netstandard2_0_build()
        => Assert.Equal(".NETStandard,Version=v2.0", _runtime.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);

    [Fact]
    public async Task Reads_retry_and_parse_a_run()
    {
        await using var server = await LoopbackServer.StartAsync((c, n) => n == 1 ? Respond.Json(c, 503, """{"error": "busy"}""") : Respond.Json(c, 200, RunJson.DocumentedGetFlowRun));
        var client = CreateClient(server.BaseAddress);

        var run = await Invoke(client, "GetFlowRunAsync", "Wp7kRnT2mX4vQ9bL", CancellationToken.None);

        Assert.Equal("completed", Get(run, "StatusText"));
        Assert.Equal(TimeSpan.FromSeconds(30), Get(run, "Duration"));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Runs_upload_multipart_that_ASP_NET_Core_reads()
    {
        var received = new ConcurrentQueue<ReceivedPart>();
        await using var server = await LoopbackServer.StartAsync(async c =>
        {
            foreach (var part in await MultipartParts.ReadAsync(c.Request)) received.Enqueue(part);
            await Respond.Json(c, 201, RunJson.Run("r1", "processing"));
        });
        var client = CreateClient(server.BaseAddress);
        var flowFile = Type("TableFlow.FlowFile").GetMethod("FromBytes")!.Invoke(null, new object?[] { new ReadOnlyMemory<byte>("pdf"u8.ToArray()), "say \"hi\" – ü.pdf", null })!;
        var request = Activator.CreateInstance(Type("TableFlow.FlowRunRequest"))!;
        request.GetType().GetMethod("AddFile")!.Invoke(request, new[] { "invoice", flowFile, null, "Totals only." });

        var run = await Invoke(client, "RunFlowAsync", "f1", request, CancellationToken.None);

        Assert.Equal("processing", Get(run, "StatusText"));
        Assert.Equal(new[] { "invoice", "invoice_guidance" }, received.Select(p => p.Name));
        Assert.Equal("say \"hi\" – ü.pdf", received.First().FileName);
        Assert.Equal("pdf", received.First().Text);
    }

    [Fact]
    public async Task Errors_carry_the_APIs_message_without_the_key()
    {
        await using var server = await LoopbackServer.StartAsync(c => Respond.Json(c, 401, $$"""{"error": "Bad key {{c.Request.Headers.Authorization}}"}"""));
        var client = CreateClient(server.BaseAddress);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => Invoke(client, "GetFlowRunAsync", "r1", CancellationToken.None));

        Assert.Equal("TableFlow.TableFlowApiException", e.GetType().FullName);
        Assert.Contains("401", e.Message);
        Assert.DoesNotContain(TestClients.ApiKey, e.ToString());
    }

    private Type Type(string name) => _runtime.GetType(name, throwOnError: true)!;

    private object CreateClient(Uri baseAddress)
    {
        var options = Activator.CreateInstance(Type("TableFlow.TableFlowClientOptions"))!;
        Set(options, "ApiKey", TestClients.ApiKey);
        Set(options, "BaseAddress", baseAddress);
        Set(options, "RetryDelay", TimeSpan.FromMilliseconds(5));
        return Activator.CreateInstance(Type("TableFlow.TableFlowClient"), options)!;
    }

    private static void Set(object target, string property, object value) => target.GetType().GetProperty(property)!.SetValue(target, value);

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    private static async Task<object> Invoke(object client, string method, params object[] arguments)
    {
        var candidates = client.GetType().GetMethods().Where(m => m.Name == method && m.GetParameters().Length == arguments.Length);
        var chosen = candidates.Single(m => m.GetParameters().Select(p => p.ParameterType.Name).SequenceEqual(arguments.Select(a => a.GetType().Name)));
        Task task;
        try
        {
            task = (Task)chosen.Invoke(client, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task)!;
    }
}
