using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using TableFlow;

namespace UploadApi;

/// <summary>A run as this API answers it.</summary>
/// <param name="Id">The run's id; <c>GET /reconciliations/{id}</c> reads it again.</param>
/// <param name="FlowId">The flow's id.</param>
/// <param name="Status">The run's status as TableFlow spells it (<c>processing</c>, <c>completed</c>, …).</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="StartTime">When it started.</param>
/// <param name="EndTime">When it ended, if it has.</param>
/// <param name="PurchaseOrder">The purchase order's file name, as uploaded (only on the answer to the upload).</param>
/// <param name="Invoice">The invoice's file name, as uploaded (only on the answer to the upload).</param>
public sealed record ReconciliationResponse(
    string Id, string FlowId, string Status, string? Error, DateTimeOffset? StartTime, DateTimeOffset? EndTime, string? PurchaseOrder = null, string? Invoice = null)
{
    /// <summary>The answer for a run.</summary>
    public static ReconciliationResponse From(FlowRun run, string? purchaseOrder = null, string? invoice = null)
        => new(run.Id, run.FlowId, run.StatusText, run.Error, run.StartTime, run.EndTime, purchaseOrder, invoice);
}

/// <summary>Source-generated JSON metadata for the answers (the app's JSON options set the naming).</summary>
[JsonSerializable(typeof(ReconciliationResponse))]
[JsonSerializable(typeof(IReadOnlyList<FinishedRun>))]
internal sealed partial class UploadApiJson : JsonSerializerContext;
