using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Runtime.Versioning;
using System.Text;
using static TableFlow.Tests.Webhooks.SvixVectors;

namespace TableFlow.Tests.Webhooks;

/// <summary>
/// The netstandard2.0 build compares signatures with its own constant-time loop (CryptographicOperations is net-only)
/// and gets TimeProvider from Microsoft.Bcl.TimeProvider: this drives that very assembly through reflection.
/// </summary>
public sealed class NetStandardWebhookTests : IDisposable
{
    private readonly AssemblyLoadContext _context = new("tableflow-webhooks-netstandard2.0", isCollectible: true);
    private readonly Assembly _runtime;

    public NetStandardWebhookTests()
    {
        var metadata = typeof(NetStandardWebhookTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var packages = metadata["NuGetPackageRoot"]!;
        var asyncInterfaces = Path.Combine(packages, "microsoft.bcl.asyncinterfaces", "10.0.15", "lib", "netstandard2.1", "Microsoft.Bcl.AsyncInterfaces.dll");

        // The package's net8.0 build forwards TimeProvider to the framework's, so this test's clock can be passed in.
        var timeProvider = Path.Combine(packages, "microsoft.bcl.timeprovider", "10.0.15", "lib", "net8.0", "Microsoft.Bcl.TimeProvider.dll");
        _context.Resolving += (context, name) => name.Name switch
        {
            "Microsoft.Bcl.AsyncInterfaces" => context.LoadFromAssemblyPath(asyncInterfaces),
            "Microsoft.Bcl.TimeProvider" => context.LoadFromAssemblyPath(timeProvider),
            _ => null,
        };
        _runtime = _context.LoadFromAssemblyPath(metadata["NetStandardRuntimePath"]!);
    }

    public void Dispose() => _context.Unload();

    [Fact]
    public void The_netstandard_build_verifies_the_official_vector_and_refuses_near_misses()
    {
        Assert.Equal(".NETStandard,Version=v2.0", _runtime.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName);
        var webhookType = _runtime.GetType("TableFlow.TableFlowWebhook", throwOnError: true)!;
        var webhook = Activator.CreateInstance(webhookType, Secret, FixedClock.AtUnixSeconds(Timestamp))!;
        var verify = webhookType.GetMethod("Verify", new[] { typeof(byte[]), typeof(string), typeof(string), typeof(string) })!;

        var evt = verify.Invoke(webhook, new object[] { Bytes(SmallBody), MessageId, TimestampText, SmallSignature })!;
        Assert.Equal(MessageId, evt.GetType().GetProperty("Id")!.GetValue(evt));

        foreach (var wrong in new[] { WrongSignature, SmallSignature[..^2], SmallSignature + "A" })
        {
            var e = Assert.Throws<TargetInvocationException>(() => verify.Invoke(webhook, new object[] { Bytes(SmallBody), MessageId, TimestampText, wrong }));
            Assert.Equal("SignatureMismatch", e.InnerException!.GetType().GetProperty("Failure")!.GetValue(e.InnerException)!.ToString());
        }

        var sign = webhookType.GetMethod("Sign")!;
        Assert.Equal(
            "v1,txpEUxqWZJ5nteTnymUVa+7C4NHpBeXJ6CsBAW0c3/A=",
            sign.Invoke(webhook, new object[] { MessageId, DateTimeOffset.FromUnixTimeSeconds(Timestamp), Encoding.UTF8.GetBytes(new string('a', 1048576)) }));
    }
}
