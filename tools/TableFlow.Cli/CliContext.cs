using System;
using System.IO;
using Spectre.Console;

namespace TableFlow.Cli;

/// <summary>Where a command writes: plain text for scripts, and a Spectre console for tables and progress.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    private IAnsiConsole? _console;

    public TextWriter Out { get; } = stdout;

    public TextWriter ErrorWriter { get; } = stderr;

    /// <summary>A console over <see cref="Out"/>: colours and live progress on a terminal, plain and wide when redirected.</summary>
    public IAnsiConsole Console => _console ??= CreateConsole();

    /// <summary>Whether live output (a progress bar, a spinner) can be drawn: stdout is a terminal.</summary>
    public bool Interactive => ReferenceEquals(Out, System.Console.Out) && !System.Console.IsOutputRedirected;

    /// <summary>Writes one error line on stderr.</summary>
    public void Error(string message) => ErrorWriter.WriteLine("error: " + CliApp.OneLine(message));

    private IAnsiConsole CreateConsole()
    {
        var interactive = Interactive;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // A redirected console has no width; a table would wrap ids at 80 columns.
        if (!interactive) console.Profile.Width = 200;
        return console;
    }
}
