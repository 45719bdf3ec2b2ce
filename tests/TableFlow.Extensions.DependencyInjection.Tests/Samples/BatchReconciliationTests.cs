using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Extensions.DependencyInjection.Tests.Samples;

/// <summary>The batch sample, run as a user runs it: the built program, offline, on the documents it ships with.</summary>
public sealed class BatchReconciliationTests
{
    private static readonly string Program = typeof(BatchReconciliationTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BatchReconciliationProgram").Value!;

    [Fact]
    public async Task Offline_it_reconciles_the_six_shipped_pairs_through_throttling_and_writes_a_CSV_of_outcomes()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"batch-{Guid.NewGuid():N}.csv");
        try
        {
            var (exitCode, output) = await RunAsync("--csv", csv, "--concurrency", "3", "--throttle", "2");

            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
            Assert.Contains("using the local emulator", output);
            Assert.Contains("Reconciling 6 pairs", output);
            Assert.Contains("3 at a time", output);
            Assert.Contains("6 pairs: 6 completed, 0 did not complete, 0 errors.", output);
            Assert.Contains("answered 2 run requests with 429", output);
            var rows = File.ReadAllLines(csv);
            Assert.Equal("order_number,purchase_order,invoice,run_id,status,seconds,error", rows[0]);
            Assert.Equal(["1001", "1002", "1003", "1004", "1005", "1006"], rows.Skip(1).Select(r => r.Split(',')[0]));
            Assert.All(rows.Skip(1), r => Assert.Equal("completed", r.Split(',')[4]));
            Assert.All(rows.Skip(1), r => Assert.Matches("^[A-Za-z0-9]{8,}$", r.Split(',')[3]));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public async Task A_folder_without_pairs_is_exit_code_2_with_a_message_naming_the_folder()
    {
        var folder = Directory.CreateTempSubdirectory("batch-empty").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "PO-9.pdf"), "%PDF-1.4");

            var (exitCode, output) = await RunAsync("--documents", folder);

            Assert.Equal(2, exitCode);
            Assert.Contains("Skipped PO-9.pdf", output);
            Assert.Contains("No PO-<n> / INV-<n> pairs", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
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
        // Spectre.Console wraps at 80 columns when the output is not a terminal: compare text with the wrapping undone.
        return (process.ExitCode, System.Text.RegularExpressions.Regex.Replace(await stdout + await stderr, @"\s+", " "));
    }
}
