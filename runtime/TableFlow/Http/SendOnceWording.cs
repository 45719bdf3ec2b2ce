namespace TableFlow.Http;

/// <summary>
/// How the errors of a request that must not be sent twice name what it starts: a flow run, or an extraction. The
/// send-once rules are the same for both (see <see cref="ApiRequestSender.PostOnceAsync"/>); only the words differ.
/// </summary>
internal sealed class SendOnceWording
{
    public static readonly SendOnceWording Run = new(
        thing: "run",
        aThing: "a run",
        request: "run request",
        startAgain: "the flow can be run again",
        lookBefore: "Before you run the flow again, look for the run with ListFlowRunsAsync (give each run a correlation id in its metadata to find it by), or the same documents may be processed twice.");

    public static readonly SendOnceWording Extraction = new(
        thing: "extraction",
        aThing: "an extraction",
        request: "upload",
        startAgain: "the file can be uploaded again",
        lookBefore: "Before you upload the file again, look for the extraction with ListExtractionsAsync (give each upload a correlation id in its metadata to find it by), or the same document may be extracted twice.");

    private SendOnceWording(string thing, string aThing, string request, string startAgain, string lookBefore)
    {
        Thing = thing;
        AThing = aThing;
        Request = request;
        StartAgain = startAgain;
        LookBefore = lookBefore;
    }

    /// <summary>What the request starts: <c>run</c>, <c>extraction</c>.</summary>
    public string Thing { get; }

    /// <summary>The same with its article: <c>a run</c>, <c>an extraction</c>.</summary>
    public string AThing { get; }

    /// <summary>The request itself: <c>run request</c>, <c>upload</c>.</summary>
    public string Request { get; }

    /// <summary>What the caller may safely do when nothing was started.</summary>
    public string StartAgain { get; }

    /// <summary>What to do before trying again when something may have been started.</summary>
    public string LookBefore { get; }

    /// <summary><c>The API did not start a run.</c></summary>
    public string NotStarted => $"The API did not start {AThing}.";
}
