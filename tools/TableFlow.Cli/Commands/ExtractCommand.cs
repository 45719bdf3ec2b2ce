using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using TableFlow.Cli.Extracting;
using TableFlow.Cli.Running;

namespace TableFlow.Cli.Commands;

/// <summary>
/// <c>tableflow extract &lt;file&gt; --template &lt;id&gt;</c>: uploads one document for extraction and, with <c>--wait</c>,
/// prints its fields, tables and validation issues; <c>--csv &lt;table&gt;</c> writes one table's CSV download.
/// </summary>
internal static class ExtractCommand
{
    /// <summary>How many rows of each table are printed unless <c>--rows</c> says otherwise.</summary>
    public const int DefaultShownRows = 10;

    public static Command Create(CliContext context)
    {
        var api = new ApiOptions();
        var file = new Argument<string>("file") { Description = "The document to extract (pdf, xlsx, xls, csv, tsv, jpg, png, webp or tiff)." };
        var template = new Option<string>("--template", "-t")
        {
            Description = "The template's id, or auto to let TableFlow choose one from the content.",
            HelpName = "id",
            DefaultValueFactory = _ => "auto",
        };
        var name = new Option<string?>("--name") { HelpName = "text", Description = "The extraction's name, shown in the TableFlow UI." };
        var guidance = new Option<string?>("--guidance") { HelpName = "text", Description = "Free-text hints for the AI that reads the document." };
        var metadata = new Option<string?>("--metadata") { HelpName = "json", Description = "The extraction's metadata, a JSON object: '{\"reference\": \"INV-2023-04-15\"}'." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the extraction completes or fails, then print its fields, tables and validation issues." };
        var timeout = new Option<double?>("--timeout") { HelpName = "seconds", Description = "With --wait or --csv: give up after this many seconds (exit code 1; default 30 minutes)." };
        var rows = new Option<int>("--rows") { HelpName = "N", Description = "How many rows of each table to print; every row is read and counted.", DefaultValueFactory = _ => DefaultShownRows };
        var csv = new Option<string?>("--csv") { HelpName = "table", Description = "Write this table's CSV download (implies --wait) to --output, or to stdout." };
        var output = new Option<string?>("--output", "-o") { HelpName = "path", Description = "With --csv: the file to write the CSV to (default: stdout)." };
        var json = new Option<bool>("--json") { Description = "Print the extraction as JSON (the API's shape; with --wait, every row of every table) instead of text." };

        var command = new Command("extract", "Extract a document: upload it against a template (exit code 0 started or completed, 1 failed or timed out, 2 bad input or API error).")
        {
            file, template, name, guidance, metadata, wait, timeout, rows, csv, output, json,
        };
        api.AddTo(command);
        command.SetAction((parsed, cancellationToken) => CliApp.GuardAsync(context, () => ExtractAsync(context, api, parsed, new Arguments(
            parsed.GetValue(file)!,
            parsed.GetValue(template) ?? "auto",
            parsed.GetValue(name),
            parsed.GetValue(guidance),
            parsed.GetValue(metadata),
            parsed.GetValue(wait),
            parsed.GetValue(timeout),
            parsed.GetValue(rows),
            parsed.GetValue(csv),
            parsed.GetValue(output),
            parsed.GetValue(json)), cancellationToken)));
        return command;
    }

    private static async Task<int> ExtractAsync(CliContext context, ApiOptions api, ParseResult parsed, Arguments args, CancellationToken cancellationToken)
    {
        // Everything that can be checked here is checked before a byte is sent.
        if (args.Timeout is { } seconds && (double.IsNaN(seconds) || seconds <= 0)) throw new CliException("--timeout must be a positive number of seconds.");
        if (args.Rows < 0) throw new CliException("--rows must be 0 or more.");
        if (args.Csv is { } csvTable && csvTable.Trim().Length == 0) throw new CliException("--csv needs a table key, such as --csv line_items.");
        if (args.Output is not null && args.Csv is null) throw new CliException("--output is where --csv writes a table; add --csv <table key>.");
        if (args.Json && args.Csv is not null && args.Output is null) throw new CliException("--json and --csv would both write to stdout; add --output <path> for the CSV.");
        var metadata = args.Metadata is null ? null : KeyValueArguments.JsonObjectArgument(args.Metadata, "--metadata");
        if (!File.Exists(args.File)) throw new CliException(Directory.Exists(args.File) ? $"'{args.File}' is a directory, not a file." : $"file not found: '{args.File}'.");
        if (args.Output is not null && Path.GetDirectoryName(Path.GetFullPath(args.Output)) is { } folder && !Directory.Exists(folder))
        {
            throw new CliException($"--output '{args.Output}': the folder '{folder}' does not exist.");
        }

        using var client = api.CreateClient(parsed);
        // With the CSV on stdout, stdout carries the CSV alone.
        var text = !args.Json && !(args.Csv is not null && args.Output is null);
        Extraction started;
        long uploaded = 0;
        await using (var stream = new ProgressStream(File.OpenRead(args.File), n => Interlocked.Add(ref uploaded, n)))
        {
            var options = new ExtractionOptions { Name = args.Name, Guidance = args.Guidance, Metadata = metadata };
            var upload = FlowFile.FromStream(stream, Path.GetFileName(args.File));
            try
            {
                started = await UploadProgress.RunAsync(context, text, $"Uploading {Path.GetFileName(args.File)}", stream.Length, () => Interlocked.Read(ref uploaded),
                    () => client.ExtractAsync(upload, args.Template, options, cancellationToken)).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (e.InnerException is TableFlowException { RunMayHaveStarted: true })
            {
                context.Error("interrupted after the file was uploaded: the extraction may have started; look for it in TableFlow before uploading the file again.");
                return ExitCodes.Interrupted;
            }
        }

        if (text) context.Out.WriteLine($"Started extraction {started.Id} with template {started.TemplateId ?? args.Template}: {started.StatusText}");
        if (!args.Wait && args.Csv is null)
        {
            if (args.Json) context.Out.WriteLine(ExtractionJson.Write(ExtractionJson.ToJson(started, null)));
            return ExitCodes.Success;
        }

        Extraction finished;
        try
        {
            finished = await WaitAsync(context, client, started, args.Timeout, text, cancellationToken).ConfigureAwait(false);
        }
        catch (ExtractionWaitTimeoutException e)
        {
            // The library's message names its options; a person at the tool needs the flag.
            var status = e.LastExtraction?.StatusText is { Length: > 0 } last ? last : "not finished";
            context.Error($"extraction {e.ExtractionId} was still {status} after waiting {Duration(args.Timeout)}; it goes on in TableFlow (wait longer with --timeout <seconds>).");
            return ExitCodes.RunFailed;
        }

        if (text)
        {
            var template = finished.TemplateName is null || finished.TemplateName == finished.TemplateId ? finished.TemplateId : $"{finished.TemplateName} ({finished.TemplateId})";
            context.Out.WriteLine($"Extraction {finished.Id} {finished.StatusText}{(finished.FileName is null ? "" : $": {finished.FileName}")}{(template is null ? "" : $", template {template}")}");
        }

        if (finished.Status != ExtractionStatus.Completed)
        {
            // On stdout the history above said why; with stdout kept for JSON or CSV, the reason goes to stderr too.
            if (args.Json) context.Out.WriteLine(ExtractionJson.Write(ExtractionJson.ToJson(finished, null)));
            if (!text)
            {
                var reason = finished.StatusHistory.Count > 0 ? finished.StatusHistory[^1].Message : null;
                context.Error($"extraction {finished.Id} {finished.StatusText}{(reason is null ? "" : ": " + reason)}");
            }

            return ExitCodes.RunFailed;
        }

        if (args.Csv is { } tableKey) return await WriteCsvAsync(context, client, finished, tableKey, args.Output, cancellationToken).ConfigureAwait(false);

        var tables = await ExtractedTable.ReadAllAsync(client, finished, args.Json ? null : args.Rows, cancellationToken).ConfigureAwait(false);
        if (args.Json) context.Out.WriteLine(ExtractionJson.Write(ExtractionJson.ToJson(finished, tables)));
        else ExtractionPrinter.Print(context, finished, tables, args.Rows);
        return ExitCodes.Success;
    }

    private static string Duration(double? timeoutSeconds)
    {
        var waited = timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : new TableFlowClientOptions().WaitTimeout;
        return waited.TotalMinutes >= 1
            ? waited.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " minutes"
            : waited.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";
    }

    /// <summary>
    /// Waits for the extraction, printing its status as it changes: each read prints the steps of its history not
    /// printed yet (after the ones the upload reported); on a terminal a spinner shows the latest until the end.
    /// </summary>
    private static async Task<Extraction> WaitAsync(CliContext context, TableFlowClient client, Extraction started, double? timeout, bool text, CancellationToken cancellationToken)
    {
        var printed = Math.Max(1, started.StatusHistory.Count);
        StatusContext? spinner = null;
        void Show(Extraction current)
        {
            if (!text) return;
            spinner?.Status($"Extraction {Markup.Escape(current.Id)}: {Markup.Escape(current.StatusText)}…");
            if (spinner is not null) return;
            foreach (var change in current.StatusHistory.Skip(printed))
            {
                var time = change.Time is { } at ? at.ToLocalTime().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " " : "";
                context.Out.WriteLine($"  {time}{change.StatusText}{(change.Message is null ? "" : ": " + change.Message)}");
            }

            printed = Math.Max(printed, current.StatusHistory.Count);
        }

        var options = new ExtractionWaitOptions
        {
            Timeout = timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Progress = new ImmediateProgress<Extraction>(Show),
        };
        Extraction finished;
        if (!text || !context.Interactive)
        {
            finished = await client.WaitForExtractionAsync(started.Id, options, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            finished = await context.Console.Status().StartAsync(
                $"Extraction {Markup.Escape(started.Id)}: {Markup.Escape(started.StatusText)}…",
                status =>
                {
                    spinner = status;
                    return client.WaitForExtractionAsync(started.Id, options, cancellationToken);
                }).ConfigureAwait(false);
            spinner = null;
        }

        Show(finished); // what the spinner showed, or a step a read missed
        return finished;
    }

    /// <summary>Checks the table against the extraction, then streams its CSV download to the file or stdout.</summary>
    private static async Task<int> WriteCsvAsync(CliContext context, TableFlowClient client, Extraction extraction, string tableKey, string? output, CancellationToken cancellationToken)
    {
        var keys = ExtractedTable.KeysOf(extraction);
        if (!keys.Contains(tableKey))
        {
            throw new CliException($"extraction {extraction.Id} has no table '{tableKey}' ({(keys.Count == 0 ? "it has no tables" : "its tables: " + string.Join(", ", keys))}); nothing was downloaded.");
        }

        await using var csv = await client.DownloadExtractionTableAsync(extraction.Id, tableKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (output is null)
        {
            await CopyToStdoutAsync(context, csv, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        long written;
        try
        {
            await using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await csv.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            written = file.Length;
        }
        catch (Exception e) when (e is not (UnauthorizedAccessException or DirectoryNotFoundException))
        {
            // A download cut short (or interrupted) leaves no half CSV that looks like a whole one.
            File.Delete(output);
            throw;
        }

        context.Out.WriteLine($"Wrote table {tableKey} of extraction {extraction.Id} to {output} ({written.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes).");
        return ExitCodes.Success;
    }

    private static async Task CopyToStdoutAsync(CliContext context, Stream csv, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(context.Out, Console.Out))
        {
            // The bytes as the API sent them, not re-encoded.
            await context.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await using var stdout = Console.OpenStandardOutput();
            await csv.CopyToAsync(stdout, cancellationToken).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 81920, leaveOpen: true);
        var buffer = new char[81920];
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
        {
            await context.Out.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed record Arguments(
        string File,
        string Template,
        string? Name,
        string? Guidance,
        string? Metadata,
        bool Wait,
        double? Timeout,
        int Rows,
        string? Csv,
        string? Output,
        bool Json);
}
