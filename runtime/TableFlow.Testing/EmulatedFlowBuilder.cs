using System;
using System.Collections.Generic;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing;

using FlowDefinition = TableFlow.Testing.Flows.FlowDefinition; // not the runtime's public TableFlow.FlowDefinition
using FlowStepDefinition = TableFlow.Testing.Flows.FlowStepDefinition; // not the runtime's public TableFlow.FlowStepDefinition

/// <summary>
/// Describes an emulated flow for <see cref="TableFlowEmulator.AddFlow"/>: its name, file fields, and how its runs
/// end. <c>f =&gt; f.Name("PO to Invoice").File("purchase_order", required: true).File("attachments", multiple: true)</c>.
/// </summary>
public sealed class EmulatedFlowBuilder
{
    private readonly string _flowId;
    private readonly List<FileFieldDefinition> _fields = new();
    private readonly IReadOnlyList<FlowStepDefinition>? _steps;
    private string? _name;
    private string? _description;
    private bool _active = true;
    private TimeSpan? _processingTime;
    private RunOutcome _outcome = RunOutcome.Completed;
    private Func<EmulatedRun, RunOutcome?>? _chooseOutcome;

    internal EmulatedFlowBuilder(string flowId) => _flowId = flowId;

    internal EmulatedFlowBuilder(FlowDefinition existing)
    {
        _flowId = existing.Id;
        _name = existing.Name;
        _description = existing.Description;
        _active = existing.Active;
        _fields.AddRange(existing.Fields);
        _steps = existing.ExplicitSteps;
        _processingTime = existing.ProcessingTime;
        _outcome = existing.Outcome;
        _chooseOutcome = existing.ChooseOutcome;
    }

    /// <summary>Sets the flow's display name (default: the flow id).</summary>
    /// <param name="name">The name, such as <c>PO to Invoice Reconciliation</c>.</param>
    /// <returns>This builder.</returns>
    public EmulatedFlowBuilder Name(string name)
    {
        _name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("The flow name is empty.", nameof(name)) : name;
        return this;
    }

    /// <summary>Sets the flow's description.</summary>
    /// <param name="description">The description.</param>
    /// <returns>This builder.</returns>
    public EmulatedFlowBuilder Description(string? description)
    {
        _description = description;
        return this;
    }

    /// <summary>Marks the flow inactive: <c>GET /v2/flows</c> no longer lists it and run requests are refused.</summary>
    /// <param name="active">Whether the flow is active.</param>
    /// <returns>This builder.</returns>
    public EmulatedFlowBuilder Active(bool active)
    {
        _active = active;
        return this;
    }

    /// <summary>Adds a file field to the flow's <c>file_input_config</c>.</summary>
    /// <param name="key">The form key, such as <c>purchase_order</c>.</param>
    /// <param name="required">Whether a run request must carry it.</param>
    /// <param name="multiple">Whether it takes several files, sent as <c>{key}_1</c>, <c>{key}_2</c>, …</param>
    /// <param name="name">The display name (default: the key in title case).</param>
    /// <param name="fileTypes">Accepted types, such as <c>pdf</c> and <c>image</c> (or extensions such as <c>xlsx</c>); <see langword="null"/> accepts any.</param>
    /// <param name="maxFileSize">The largest accepted file in bytes; <see langword="null"/> for no limit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The key is empty, reserved, already defined, or cannot be a form field name.</exception>
    public EmulatedFlowBuilder File(string key, bool required = false, bool multiple = false, string? name = null, IEnumerable<string>? fileTypes = null, long? maxFileSize = null)
    {
        if (maxFileSize is <= 0) throw new ArgumentOutOfRangeException(nameof(maxFileSize), maxFileSize, $"The max_file_size of field '{key}' must be positive.");
        var types = new List<string>();
        if (fileTypes is not null)
        {
            foreach (var type in fileTypes)
            {
                if (string.IsNullOrWhiteSpace(type)) throw new ArgumentException($"Field '{key}' has an empty file type.", nameof(fileTypes));
                types.Add(type.Trim());
            }
        }

        AddField(new FileFieldDefinition(key, name ?? FlowDefinition.DisplayName(key ?? ""), required, multiple, types, maxFileSize));
        return this;
    }

    /// <summary>Sets how long runs of this flow stay <c>processing</c> (default: the emulator's <see cref="TableFlowEmulatorOptions.ProcessingTime"/>).</summary>
    /// <param name="processingTime">Zero or more.</param>
    /// <returns>This builder.</returns>
    public EmulatedFlowBuilder ProcessingTime(TimeSpan processingTime)
    {
        if (processingTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(processingTime), processingTime, "The processing time cannot be negative.");
        _processingTime = processingTime;
        return this;
    }

    /// <summary>Sets how every run of this flow ends: <see cref="RunOutcome.Completed"/> (the default), <see cref="RunOutcome.Failed"/> or <see cref="RunOutcome.Review"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>This builder.</returns>
    public EmulatedFlowBuilder EndsWith(RunOutcome outcome)
    {
        _outcome = outcome ?? throw new ArgumentNullException(nameof(outcome));
        return this;
    }

    /// <summary>
    /// Chooses each run's outcome from what was sent (its name, metadata or files), for example
    /// <c>run =&gt; run.Name == "broken" ? RunOutcome.Failed("Template not found") : null</c>.
    /// Returning <see langword="null"/> takes the flow's outcome.
    /// </summary>
    /// <param name="choose">Called once per accepted run.</param>
    /// <returns>This builder.</returns>
    public EmulatedFlowBuilder EndsWith(Func<EmulatedRun, RunOutcome?> choose)
    {
        _chooseOutcome = choose ?? throw new ArgumentNullException(nameof(choose));
        return this;
    }

    internal void AddField(FileFieldDefinition field)
    {
        var key = field.Key;
        if (key is null) throw new ArgumentNullException(nameof(key));
        if (FlowNames.FormKeyProblem(key) is { } problem)
        {
            throw new ArgumentException($"Flow '{_flowId}' cannot have a file field '{FlowNames.Printable(key)}': the key is not a valid form field name: {problem}.", nameof(key));
        }

        var keys = new List<(string Key, bool Multiple)>(_fields.Count + 1);
        foreach (var existing in _fields)
        {
            if (existing.Key == key) throw new ArgumentException($"Flow '{_flowId}' already has a file field '{key}'.", nameof(key));
            keys.Add((existing.Key, existing.Multiple));
        }

        keys.Add((key, field.Multiple));
        if (FlowNames.CollisionProblemWith(keys, keys.Count - 1) is { } collision)
        {
            throw new ArgumentException($"Flow '{_flowId}' cannot have a file field '{key}': {collision}.", nameof(key));
        }

        _fields.Add(field);
    }

    internal FlowDefinition Build(DateTimeOffset createdAt) =>
        new(_flowId, _name ?? _flowId, _description, _active, _fields.ToArray(), _steps)
        {
            ProcessingTime = _processingTime,
            Outcome = _outcome,
            ChooseOutcome = _chooseOutcome,
            CreatedAt = createdAt,
        };
}
