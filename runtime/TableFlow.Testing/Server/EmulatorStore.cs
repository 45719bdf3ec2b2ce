using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using TableFlow.Testing.Extractions;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing.Server;

using FlowDefinition = TableFlow.Testing.Flows.FlowDefinition; // not the runtime's public TableFlow.FlowDefinition

/// <summary>The emulator's state: flows, templates, accepted runs and extractions, and the request log. Thread-safe.</summary>
internal sealed class EmulatorStore : IDisposable
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _gate = new();
    private readonly Dictionary<string, FlowDefinition> _flows = new(StringComparer.Ordinal);
    private readonly List<EmulatedRun> _runs = new();
    private readonly Dictionary<string, EmulatedRun> _runsById = new(StringComparer.Ordinal);
    private readonly List<EmulatedRequest> _requests = new();

    // In the order added: template_id=auto picks the first that takes the file.
    private readonly List<TemplateDefinition> _templates = new();
    private readonly List<EmulatedExtraction> _extractions = new();
    private readonly Dictionary<string, EmulatedExtraction> _extractionsById = new(StringComparer.Ordinal);

    public EmulatorStore(TimeProvider clock) => Clock = clock;

    public TimeProvider Clock { get; }

    public void AddFlow(FlowDefinition flow)
    {
        lock (_gate)
        {
            if (_flows.ContainsKey(flow.Id))
            {
                throw new ArgumentException($"The emulator already has a flow '{flow.Id}'; use ConfigureFlow to change it.", "flowId");
            }

            _flows.Add(flow.Id, flow);
        }
    }

    public void ReplaceFlow(FlowDefinition flow)
    {
        lock (_gate)
        {
            _flows[flow.Id] = flow;
        }
    }

    public FlowDefinition? FindFlow(string id)
    {
        lock (_gate)
        {
            return _flows.TryGetValue(id, out var flow) ? flow : null;
        }
    }

    public List<FlowDefinition> Flows()
    {
        lock (_gate)
        {
            var list = new List<FlowDefinition>(_flows.Values);
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            return list;
        }
    }

    /// <summary>A fresh 16-character run or extraction id, like the API's.</summary>
    public string NewId()
    {
        lock (_gate)
        {
            string id;
            do
            {
                id = RandomNumberGenerator.GetString(IdAlphabet, 16);
            }
            while (_runsById.ContainsKey(id) || _extractionsById.ContainsKey(id));

            return id;
        }
    }

    /// <summary>Records an accepted run, already planned, so a reader never sees a run without a status.</summary>
    public void AddRun(EmulatedRun run)
    {
        lock (_gate)
        {
            _runs.Add(run);
            _runsById.Add(run.Id, run);
        }
    }

    public EmulatedRun? FindRun(string id)
    {
        lock (_gate)
        {
            return _runsById.TryGetValue(id, out var run) ? run : null;
        }
    }

    /// <summary>Every run, oldest first.</summary>
    public EmulatedRun[] Runs()
    {
        lock (_gate)
        {
            return _runs.ToArray();
        }
    }

    public void Record(EmulatedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public EmulatedRequest[] Requests()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void AddTemplate(TemplateDefinition template)
    {
        lock (_gate)
        {
            if (_templates.Exists(t => t.Id == template.Id))
            {
                throw new ArgumentException($"The emulator already has a template '{template.Id}'.", "templateId");
            }

            _templates.Add(template);
        }
    }

    public TemplateDefinition? FindTemplate(string id)
    {
        lock (_gate)
        {
            return _templates.Find(t => t.Id == id);
        }
    }

    /// <summary>Every template, in the order added.</summary>
    public TemplateDefinition[] Templates()
    {
        lock (_gate)
        {
            return _templates.ToArray();
        }
    }

    public void AddExtraction(EmulatedExtraction extraction)
    {
        lock (_gate)
        {
            _extractions.Add(extraction);
            _extractionsById.Add(extraction.Id, extraction);
        }
    }

    public EmulatedExtraction? FindExtraction(string id)
    {
        lock (_gate)
        {
            return _extractionsById.TryGetValue(id, out var extraction) ? extraction : null;
        }
    }

    /// <summary>Every extraction, oldest first.</summary>
    public EmulatedExtraction[] Extractions()
    {
        lock (_gate)
        {
            return _extractions.ToArray();
        }
    }

    /// <summary>Deletes the temp files of large uploads.</summary>
    public void Dispose()
    {
        foreach (var extraction in Extractions()) extraction.Content.Dispose();
    }
}
