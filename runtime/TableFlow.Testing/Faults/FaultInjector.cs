using System;
using System.Collections.Generic;

namespace TableFlow.Testing;

/// <summary>
/// Queues faults for the emulator's next requests: <c>emulator.Faults.Next(2, Fault.Status(429, TimeSpan.FromSeconds(1)))</c>.
/// Each request takes the first queued rule that matches it; a rule is used up after its count of requests.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();

    internal FaultInjector()
    {
    }

    /// <summary>The number of requests that queued rules will still fault.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                var n = 0;
                foreach (var rule in _rules) n += rule.Remaining;
                return n;
            }
        }
    }

    /// <summary>Faults the next <paramref name="count"/> requests that match <paramref name="method"/> and <paramref name="path"/>.</summary>
    /// <param name="count">How many requests to fault; at least 1.</param>
    /// <param name="fault">What to do to them.</param>
    /// <param name="method">Only requests with this method (such as <c>POST</c>); <see langword="null"/> for any.</param>
    /// <param name="path">
    /// Only requests to this path, where <c>*</c> stands for one segment (such as <c>/v2/flows/*/run</c>) and a
    /// trailing <c>/**</c> for any rest; <see langword="null"/> for any.
    /// </param>
    /// <returns>This injector, for chaining.</returns>
    public FaultInjector Next(int count, Fault fault, string? method = null, string? path = null)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "The number of requests to fault must be at least 1.");
        if (fault is null) throw new ArgumentNullException(nameof(fault));
        if (path is not null && !path.StartsWith('/')) throw new ArgumentException($"The path filter '{path}' must start with '/', like '/v2/flows/*/run'.", nameof(path));
        lock (_gate)
        {
            _rules.Add(new Rule(count, fault, method, path));
        }

        return this;
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    internal Fault? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!rule.Matches(method, path)) continue;
                if (--rule.Remaining == 0) _rules.RemoveAt(i);
                return rule.Fault;
            }

            return null;
        }
    }

    private sealed class Rule(int count, Fault fault, string? method, string? path)
    {
        public int Remaining { get; set; } = count;

        public Fault Fault { get; } = fault;

        public bool Matches(string requestMethod, string requestPath)
        {
            if (method is not null && !string.Equals(method, requestMethod, StringComparison.OrdinalIgnoreCase)) return false;
            return path is null || PathMatches(path, requestPath);
        }

        private static bool PathMatches(string pattern, string value)
        {
            var want = pattern.Trim('/').Split('/');
            var have = value.Trim('/').Split('/');
            for (var i = 0; i < want.Length; i++)
            {
                if (want[i] == "**" && i == want.Length - 1) return true;
                if (i >= have.Length) return false;
                if (want[i] != "*" && !string.Equals(want[i], have[i], StringComparison.Ordinal)) return false;
            }

            return want.Length == have.Length;
        }
    }
}
