using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Testing.Tests.Samples;

/// <summary>The extraction sample, run as a user runs it: the built program, offline, on the invoice it ships with.</summary>
public sealed class InvoiceExtractionSampleTests
{
    private static readonly string Program = typeof(InvoiceExtractionSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "InvoiceExtractionProgram").Value!;

    [Fact]
    public async Task Offline_it_extracts_the_shipped_invoice_and_prints_the_typed_invoice_its_lines_and_the_warning()
    {
        var (exitCode, stdout, stderr) = await RunAsync();

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("using the local TableFlow emulator", stdout);
        Assert.Matches(@"Uploaded invoice\.pdf as extraction [A-Za-z0-9]{16} \(template JlLZVabDjYWzu7C9\): processing", stdout);
        Assert.Contains("Invoice INV-2026-0457 of 2026-11-20 from Contoso Fasteners, for PO-123", stdout);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd()).ToArray();
        Assert.Contains(lines, l => l.StartsWith("A-100", StringComparison.Ordinal) && l.Contains("Steel bracket, 40 mm") && l.EndsWith("200        1.25     250.00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("C-310", StringComparison.Ordinal) && l.EndsWith("100        0.95      95.00", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Total", StringComparison.Ordinal) && l.EndsWith("435.00", StringComparison.Ordinal) && !l.Contains("add up"));
        Assert.Contains("1 issue(s):", stdout);
        Assert.Contains("po_number: warning: Our PO numbers have at least four digits.", stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_exit_code_2_with_one_line_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-invoice-{Guid.NewGuid():N}.pdf");

        var (exitCode, stdout, stderr) = await RunAsync(missing);

        Assert.Equal(2, exitCode);
        Assert.DoesNotContain("Uploaded", stdout);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(Path.GetFileName(missing), stderr);
    }

    [Fact]
    public async Task A_file_type_no_template_reads_is_refused_by_the_emulator_with_exit_code_2()
    {
        var text = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(text, "not an invoice");
        try
        {
            var (exitCode, stdout, stderr) = await RunAsync(text);

            Assert.Equal(2, exitCode);
            Assert.DoesNotContain("Uploaded", stdout);
            Assert.Contains("400", stderr);
        }
        finally
        {
            File.Delete(text);
        }
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Program);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Offline, whatever the machine has set.
        start.Environment.Remove("TABLEFLOW_API_KEY");
        start.Environment.Remove("TableFlow__ApiKey");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout).Replace("\r", ""), (await stderr).Replace("\r", ""));
    }
}
