using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Extractions;

/// <summary>An emulator on a manual clock per test, with a raw HTTP client for the extraction endpoints.</summary>
public abstract class ExtractionTest : IAsyncLifetime
{
    internal ManualClock Clock { get; } = new();

    internal TableFlowEmulator Emulator { get; private set; } = null!;

    internal HttpClient Http { get; private set; } = null!;

    internal ExtractionApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await TableFlowEmulator.StartAsync(Options());
        AddTemplates(Emulator);
        Http = Emulator.CreateHttpClient();
        Api = new ExtractionApi(Http);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }

    /// <summary>The emulator's options; by default the manual clock and the 2 s processing time.</summary>
    private protected virtual TableFlowEmulatorOptions Options() => new() { TimeProvider = Clock };

    private protected abstract void AddTemplates(TableFlowEmulator emulator);
}
