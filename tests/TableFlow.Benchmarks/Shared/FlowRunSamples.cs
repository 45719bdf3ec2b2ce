using System.Text;

namespace TableFlow.Benchmarks.Shared;

/// <summary>The flow-run JSON bodies of the API documentation (docs.tableflow.com: run-flow and get-flow-run), as UTF-8 bytes.</summary>
public static class FlowRunSamples
{
    /// <summary>The flow id every benchmark runs.</summary>
    public const string FlowId = "dk4g1tUg1uHLs8YU";

    /// <summary>The answer to <c>POST /v2/flows/{id}/run</c>: a new run in <c>processing</c>.</summary>
    public static readonly byte[] StartedRun = Encoding.UTF8.GetBytes(
        """
        {"id": "Wp7kRnT2mX4vQ9bL", "flow_id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r",
         "status": "processing",
         "status_history": [{"status": "processing", "time": 1682366228, "message": "Flow started via api"}],
         "error": null, "metadata": {"customer_id": "12345"}, "trigger_method": "api",
         "start_time": 1682366228, "end_time": null, "duration": 0, "drive_files": {},
         "created_at": 1682366228, "updated_at": 1682366228}
        """);

    /// <summary>The documented <c>GET /v2/flows/runs/{id}</c> example: a completed run with drive files and its flow.</summary>
    public static readonly byte[] CompletedRun = Encoding.UTF8.GetBytes(
        """
        {"id": "Wp7kRnT2mX4vQ9bL", "flow_id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r",
         "status": "completed",
         "status_history": [{"status": "processing", "time": 1682366228, "message": "Flow started via api"},
                            {"status": "completed", "time": 1682366258, "message": "Flow completed successfully"}],
         "error": null, "metadata": {"customer_id": "12345"}, "trigger_method": "api",
         "start_time": 1682366228, "end_time": 1682366258, "duration": 30000,
         "drive_files": {"reconciliation": {"file_id": "1ABC123DEF456",
           "mime_type": "application/vnd.google-apps.spreadsheet", "sheets": [{"sheet_id": 0, "title": "Reconciliation Results"}]}},
         "flow": {"id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r", "name": "PO to Invoice Reconciliation",
                  "description": "Extracts a purchase order and an invoice, then reconciles their line items.",
                  "steps": [{"id": "step_1", "title": "Extract Purchase Order", "type": "extraction"},
                            {"id": "step_2", "title": "Extract Invoice", "type": "extraction"},
                            {"id": "step_3", "title": "Reconcile", "type": "reconciliation"}],
                  "active": true},
         "created_at": 1682366228, "updated_at": 1682366258}
        """);
}
