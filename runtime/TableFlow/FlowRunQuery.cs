using System;
using System.Globalization;
using System.Text;

namespace TableFlow;

/// <summary>Filters and paging for <see cref="TableFlowClient.ListFlowRunsAsync(FlowRunQuery?, System.Threading.CancellationToken)"/>.</summary>
public sealed class FlowRunQuery
{
    /// <summary>The largest page the API serves.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Only runs in this status (sent as <c>status</c>); <see langword="null"/> for every status.</summary>
    public FlowRunStatus? Status { get; set; }

    /// <summary>Only runs of this flow (sent as <c>flow_id</c>); <see langword="null"/> for every flow of the workspace.</summary>
    public string? FlowId { get; set; }

    /// <summary>
    /// How many runs to ask for per page (sent as <c>limit</c>, 1 to 1000; the API's default is 100). The list still
    /// follows every page: this sets the page size, not the total.
    /// </summary>
    public int? Limit { get; set; }

    /// <summary>How many of the newest runs to skip before the first one returned (sent as <c>offset</c>).</summary>
    public int? Offset { get; set; }

    /// <summary>The query string for the first page, checked. Throws before any request when a value cannot be sent.</summary>
    internal string ToQueryString(long? offset)
    {
        var sb = new StringBuilder();
        if (Status is { } status)
        {
            var text = status switch
            {
                FlowRunStatus.Processing => "processing",
                FlowRunStatus.Review => "review",
                FlowRunStatus.Completed => "completed",
                FlowRunStatus.Failed => "failed",
                _ => throw new ArgumentException($"FlowRunQuery.Status {status} cannot be sent as a filter; use Processing, Review, Completed or Failed.", "query"),
            };
            Append(sb, "status", text);
        }

        if (FlowId is not null)
        {
            if (FlowId.Trim().Length == 0) throw new ArgumentException("FlowRunQuery.FlowId is empty; leave it null to list the runs of every flow.", "query");
            Append(sb, "flow_id", FlowId);
        }

        if (Limit is { } limit)
        {
            if (limit is < 1 or > MaxLimit) throw new ArgumentOutOfRangeException("query", limit, $"FlowRunQuery.Limit must be between 1 and {MaxLimit}.");
            Append(sb, "limit", limit.ToString(CultureInfo.InvariantCulture));
        }

        if (Offset is < 0) throw new ArgumentOutOfRangeException("query", Offset, "FlowRunQuery.Offset cannot be negative.");
        if (offset is { } o) Append(sb, "offset", o.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string name, string value)
        => sb.Append(sb.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
}
