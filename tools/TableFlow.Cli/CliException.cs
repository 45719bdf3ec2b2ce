using System;

namespace TableFlow.Cli;

/// <summary>A problem with what the user gave the tool: printed as one line on stderr, exit code 2, no stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
