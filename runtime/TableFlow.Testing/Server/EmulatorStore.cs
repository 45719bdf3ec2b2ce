using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using TableFlow.Testing.Flows;

namespace TableFlow.Testing.Server;

/// <summary>The emulator's state: flows, accepted runs and the request log. Thread-safe.</summary>
internal sealed class EmulatorStore
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly object _gate = new();
    private readonly Dictionary<string, FlowDefinition> _flows = new(StringComparer.Ordinal);
    private readonly List<EmulatedRun> _runs = new();
    private readonly Dictionary<string, EmulatedRun> _runsById = new(StringComparer.Ordinal);
    private readonly List<EmulatedRequest> _requests = new();

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

    /// <summary>Records an accepted run; <paramref name="create"/> gets the new id and sequence number.</summary>
    public EmulatedRun AddRun(Func<string, long, EmulatedRun> create)
    {
        lock (_gate)
        {
            string id;
            do
            {
                id = RandomNumberGenerator.GetString(IdAlphabet, 16);
            }
            while (_runsById.ContainsKey(id));

            var run = create(id, _runs.Count);
            _runs.Add(run);
            _runsById.Add(id, run);
            return run;
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
}
