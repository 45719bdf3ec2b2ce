using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TableFlow.Cli.Flows;

/// <summary>Writes <see cref="FlowDefinition"/>s back in the shape <c>GET /v2/flows</c> answers (unix seconds, snake_case).</summary>
internal static class FlowDefinitionJson
{
    /// <summary>
    /// The flows as a JSON array. A field's <c>multiple</c> is the API's when it gives one, else the one
    /// <paramref name="previous"/> (the file as it was) has for the same flow and key, else absent.
    /// </summary>
    public static JsonArray ToJson(IEnumerable<FlowDefinition> flows, JsonArray previous)
    {
        var array = new JsonArray();
        foreach (var flow in flows) array.Add(ToJson(flow, previous));
        return array;
    }

    private static JsonObject ToJson(FlowDefinition flow, JsonArray previous)
    {
        var obj = new JsonObject { ["id"] = flow.Id };
        if (flow.WorkspaceId is not null) obj["workspace_id"] = flow.WorkspaceId;
        if (flow.Name is not null) obj["name"] = flow.Name;
        if (flow.Description is not null) obj["description"] = flow.Description;
        obj["active"] = flow.Active;

        var fields = new JsonArray();
        foreach (var field in flow.FileFields)
        {
            var entry = new JsonObject { ["key"] = field.Key };
            if (field.Name is not null) entry["name"] = field.Name;
            entry["required"] = field.Required;
            entry["file_types"] = new JsonArray(field.FileTypes.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
            if (field.MaxFileSize is { } max) entry["max_file_size"] = max;
            if ((field.Multiple ?? PreviousMultiple(previous, flow.Id, field.Key)) is { } multiple) entry["multiple"] = multiple;
            fields.Add(entry);
        }

        obj["file_input_config"] = new JsonObject { ["file_fields"] = fields };

        var steps = new JsonArray();
        foreach (var step in flow.Steps)
        {
            var entry = new JsonObject { ["id"] = step.Id };
            if (step.Title is not null) entry["title"] = step.Title;
            if (step.Description is not null) entry["description"] = step.Description;
            if (step.Type is not null) entry["type"] = step.Type;
            if (step.Order is { } order) entry["order"] = order;
            if (step.Config is { } config) entry["config"] = ToNode(config);
            steps.Add(entry);
        }

        obj["steps"] = steps;
        if (flow.CreatedAt is { } created) obj["created_at"] = created.ToUnixTimeSeconds();
        if (flow.UpdatedAt is { } updated) obj["updated_at"] = updated.ToUnixTimeSeconds();
        return obj;
    }

    /// <summary>The <c>multiple</c> flag the previous file gave this flow's field, if it gave one.</summary>
    private static bool? PreviousMultiple(JsonArray previous, string flowId, string key)
    {
        foreach (var entry in previous)
        {
            if (entry is not JsonObject flow || FlowsFile.TryGet(flow, "id") is not JsonValue id || !id.TryGetValue<string>(out var text) || text != flowId) continue;
            if (FlowsFile.TryGet(flow, "file_input_config") is not JsonObject config || FlowsFile.TryGet(config, "file_fields") is not JsonArray fields) return null;
            foreach (var item in fields)
            {
                if (item is JsonObject field && FlowsFile.TryGet(field, "key") is JsonValue k && k.TryGetValue<string>(out var fieldKey) && fieldKey == key)
                {
                    return FlowsFile.TryGet(field, "multiple") is JsonValue m && m.TryGetValue<bool>(out var multiple) ? multiple : null;
                }
            }

            return null;
        }

        return null;
    }

    private static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new JsonObject(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, ToNode(p.Value)))),
        JsonValueKind.Array => new JsonArray(element.EnumerateArray().Select(ToNode).ToArray()),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(element),
    };
}
