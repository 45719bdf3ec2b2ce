using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace TableFlow.Testing.Flows;

/// <summary>An emulated flow: its definition as <c>GET /v2/flows</c> shows it, and how its runs behave.</summary>
internal sealed class FlowDefinition
{
    public FlowDefinition(string id, string name, string? description, bool active, IReadOnlyList<FileFieldDefinition> fields, IReadOnlyList<FlowStepDefinition>? steps)
    {
        Id = id;
        Name = name;
        Description = description;
        Active = active;
        Fields = fields;
        ExplicitSteps = steps;
        Steps = steps ?? DefaultSteps(fields);
    }

    public string Id { get; }
    public string Name { get; }
    public string? Description { get; }
    public bool Active { get; }
    public IReadOnlyList<FileFieldDefinition> Fields { get; }
    public IReadOnlyList<FlowStepDefinition> Steps { get; }

    /// <summary>The steps the definition named itself; <see langword="null"/> when <see cref="Steps"/> were made from the fields.</summary>
    public IReadOnlyList<FlowStepDefinition>? ExplicitSteps { get; }

    /// <summary>How long runs of this flow stay <c>processing</c>; <see langword="null"/> takes the emulator's time.</summary>
    public TimeSpan? ProcessingTime { get; init; }

    /// <summary>How runs of this flow end unless <see cref="ChooseOutcome"/> says otherwise.</summary>
    public RunOutcome Outcome { get; init; } = RunOutcome.Completed;

    /// <summary>A per-run choice (by name, metadata, files…); <see langword="null"/> from it means <see cref="Outcome"/>.</summary>
    public Func<EmulatedRun, RunOutcome?>? ChooseOutcome { get; init; }

    /// <summary>When the flow was added to the emulator (its <c>created_at</c> and <c>updated_at</c>).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    public FileFieldDefinition? FindField(string key)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal)) return field;
        }

        return null;
    }

    public string FieldList()
    {
        if (Fields.Count == 0) return "it defines no file fields";
        var keys = new List<string>();
        foreach (var field in Fields) keys.Add(field.Multiple ? field.Key + " (multiple)" : field.Key);
        return "its file fields are " + string.Join(", ", keys);
    }

    /// <summary><c>purchase_order</c> → <c>Purchase Order</c>, the display name a field gets when none is given.</summary>
    public static string DisplayName(string key)
    {
        var sb = new StringBuilder(key.Length);
        var startWord = true;
        foreach (var c in key)
        {
            if (c is '_' or '-' or ' ')
            {
                if (sb.Length > 0 && sb[sb.Length - 1] != ' ') sb.Append(' ');
                startWord = true;
                continue;
            }

            sb.Append(startWord ? char.ToUpperInvariant(c) : c);
            startWord = false;
        }

        return sb.ToString().Trim();
    }

    // The API's flows always have steps; a flow defined only by its file fields gets one extraction step per field,
    // shaped like the documented example, so GET answers look like the service's.
    private static IReadOnlyList<FlowStepDefinition> DefaultSteps(IReadOnlyList<FileFieldDefinition> fields)
    {
        var steps = new List<FlowStepDefinition>(fields.Count);
        for (var i = 0; i < fields.Count; i++)
        {
            var key = fields[i].Key;
            var config = Server.JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("template_id", "auto");
                w.WriteString("file_key", key);
                w.WriteEndObject();
            });
            steps.Add(new FlowStepDefinition("step_" + (i + 1).ToString(CultureInfo.InvariantCulture), "Extract " + fields[i].Name, "extraction", null, i + 1, config));
        }

        return steps;
    }
}
