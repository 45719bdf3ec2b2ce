using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using TableFlow.Tests.Infrastructure;

namespace TableFlow.Tests.NetStandard;

/// <summary>
/// The netstandard2.0 build of the runtime (what .NET Framework and older .NET get), loaded into a load context of
/// its own, and the reflection that drives it.
/// </summary>
public sealed class NetStandardRuntime : IDisposable
{
    private readonly AssemblyLoadContext _context = new("tableflow-netstandard2.0", isCollectible: true);

    public NetStandardRuntime()
    {
        var metadata = typeof(NetStandardRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var asyncInterfaces = Path.Combine(metadata["NuGetPackageRoot"]!, "microsoft.bcl.asyncinterfaces", "10.0.15", "lib", "netstandard2.1", "Microsoft.Bcl.AsyncInterfaces.dll");
        _context.Resolving += (context, name) => name.Name == "Microsoft.Bcl.AsyncInterfaces" ? context.LoadFromAssemblyPath(asyncInterfaces) : null;
        Assembly = _context.LoadFromAssemblyPath(metadata["NetStandardRuntimePath"]!);
    }

    public Assembly Assembly { get; }

    public void Dispose() => _context.Unload();

    public Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

    /// <summary>A <c>TableFlowClient</c> of this build, on its own HttpClient or on <paramref name="http"/>.</summary>
    public object CreateClient(Uri baseAddress, HttpClient? http = null)
    {
        var options = Activator.CreateInstance(Type("TableFlow.TableFlowClientOptions"))!;
        Set(options, "ApiKey", TestClients.ApiKey);
        Set(options, "BaseAddress", baseAddress);
        Set(options, "RetryDelay", TimeSpan.FromMilliseconds(5));
        Set(options, "RequestTimeout", TimeSpan.FromMinutes(2));
        return http is null
            ? Activator.CreateInstance(Type("TableFlow.TableFlowClient"), options)!
            : Activator.CreateInstance(Type("TableFlow.TableFlowClient"), http, options)!;
    }

    /// <summary><c>FlowFile.FromBytes</c> of this build; an exception it throws is thrown as is.</summary>
    public object FromBytes(byte[] bytes, string fileName) => Call(Type("TableFlow.FlowFile"), "FromBytes", new ReadOnlyMemory<byte>(bytes), fileName, null);

    /// <summary><c>FlowFile.FromStream</c> of this build.</summary>
    public object FromStream(Stream stream, string fileName) => Call(Type("TableFlow.FlowFile"), "FromStream", stream, fileName, null);

    /// <summary>A <c>FlowRunRequest</c> of this build with one file per entry of <paramref name="files"/> (<c>AddFile(key, file)</c>).</summary>
    public object Request(params (string Key, object File)[] files)
    {
        var request = Activator.CreateInstance(Type("TableFlow.FlowRunRequest"))!;
        foreach (var (key, file) in files) request.GetType().GetMethod("AddFile")!.Invoke(request, new[] { key, file, null, null });
        return request;
    }

    public static void Set(object target, string property, object value) => target.GetType().GetProperty(property)!.SetValue(target, value);

    public static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);

    /// <summary>Calls an async method of a client by name and argument types; an exception it throws is thrown as is.</summary>
    public static async Task<object> Invoke(object client, string method, params object[] arguments)
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

    /// <summary><c>RunFlowAsync(flowId, request, CancellationToken.None)</c>.</summary>
    public static Task<object> RunFlowAsync(object client, string flowId, object request) => Invoke(client, "RunFlowAsync", flowId, request, CancellationToken.None);

    private static object Call(Type type, string method, params object?[] arguments)
    {
        try
        {
            return type.GetMethod(method)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
