namespace TableFlow.Package.Tests;

/// <summary>What a child process did: its command line, exit code and interleaved stdout/stderr.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string Output)
{
    /// <summary>Throws with the whole output when the process failed, so a broken step explains itself.</summary>
    public ProcessResult EnsureSuccess()
    {
        if (ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"'{CommandLine}' exited with {ExitCode}:\n{Output}");
        }

        return this;
    }
}
