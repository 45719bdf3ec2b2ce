using System.Text.Json.Nodes;

namespace TableFlow;

/// <summary>What else to send with an upload (<see cref="TableFlowClient.ExtractAsync"/>); every member is optional.</summary>
public sealed class ExtractionOptions
{
    /// <summary>A label for the extraction in the TableFlow dashboard (sent as <c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Free-text hints for the AI that reads the document (sent as <c>guidance</c>).</summary>
    public string? Guidance { get; set; }

    /// <summary>
    /// Your own data for the extraction, such as a correlation id (sent as <c>metadata</c>, a JSON string). Keep secrets
    /// out of it: the API returns it with the extraction and its webhooks.
    /// </summary>
    public JsonObject? Metadata { get; set; }
}
