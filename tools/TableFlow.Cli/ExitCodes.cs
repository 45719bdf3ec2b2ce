namespace TableFlow.Cli;

/// <summary>What the tool's exit code tells a script (README, "From the API to code").</summary>
internal static class ExitCodes
{
    /// <summary>Done: the definitions were pulled, the runs listed, the run started (or, with <c>--wait</c>, completed).</summary>
    public const int Success = 0;

    /// <summary>The run failed, or <c>--wait</c> gave up before the run ended.</summary>
    public const int RunFailed = 1;

    /// <summary>Bad input (arguments, files, the flow definition file) or an error from the API or the network; nothing was run.</summary>
    public const int BadInputOrApiError = 2;

    /// <summary>With <c>--wait</c>: the run stopped in <c>review</c>, waiting for a person.</summary>
    public const int AwaitingReview = 3;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Interrupted = 130;
}
