using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TableFlow.Cli.Running;

/// <summary>Runs as JSON for <c>--json</c>: the API's own field names and units (unix seconds, milliseconds).</summary>
internal static class RunJson
{
    public static JsonObject ToJson(FlowRun run)
    {
        var history = new JsonArray();
        foreach (var change in run.StatusHistory)
        {
            history.Add(new JsonObject { ["status"] = change.StatusText, ["time"] = change.Time.ToUnixTimeSeconds(), ["message"] = change.Message });
        }

        return new JsonObject
        {
            ["id"] = run.Id,
            ["flow_id"] = run.FlowId,
            ["workspace_id"] = run.WorkspaceId,
            ["status"] = run.StatusText,
            ["status_history"] = history,
            ["error"] = run.Error,
            ["metadata"] = run.Metadata?.DeepClone(),
            ["start_time"] = run.StartTime?.ToUnixTimeSeconds(),
            ["end_time"] = run.EndTime?.ToUnixTimeSeconds(),
            ["duration"] = (long)run.Duration.TotalMilliseconds,
            ["created_at"] = run.CreatedAt.ToUnixTimeSeconds(),
            ["updated_at"] = run.UpdatedAt.ToUnixTimeSeconds(),
        };
    }

    public static string Write(JsonNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Write(IEnumerable<FlowRun> runs)
    {
        var array = new JsonArray();
        foreach (var run in runs) array.Add(ToJson(run));
        return Write(array);
    }
}
