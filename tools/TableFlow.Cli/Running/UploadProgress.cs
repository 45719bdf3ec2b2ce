using System;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;

namespace TableFlow.Cli.Running;

/// <summary>
/// An upload with a progress bar on a terminal: the call runs while the bar follows the bytes a
/// <see cref="ProgressStream"/> has read. Small uploads, redirected output and JSON output get no bar.
/// </summary>
internal static class UploadProgress
{
    /// <summary>Uploads at least this large get a progress bar (on a terminal).</summary>
    public const long Threshold = 1024 * 1024;

    /// <summary>Runs <paramref name="call"/>, drawing a bar for <paramref name="total"/> bytes when <paramref name="show"/> and the console is a terminal.</summary>
    public static async Task<T> RunAsync<T>(CliContext context, bool show, string description, long total, Func<long> uploaded, Func<Task<T>> call)
    {
        if (!show || !context.Interactive || total < Threshold) return await call().ConfigureAwait(false);

        T result = default!;
        await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), maxValue: total);
                var running = call();
                while (!running.IsCompleted)
                {
                    task.Value = uploaded();
                    await Task.WhenAny(running, Task.Delay(100, CancellationToken.None)).ConfigureAwait(false);
                }

                task.Value = total;
                result = await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
        return result;
    }
}
