namespace TableFlow.Tests.Infrastructure;

/// <summary>Flow-run JSON as the API sends it (docs.tableflow.com, API reference).</summary>
public static class RunJson
{
    /// <summary>The documented example of GET /v2/flows/runs/{id} (docs.tableflow.com, api-reference/get-flow-run), verbatim.</summary>
    public const string DocumentedGetFlowRun = """
        {"id": "Wp7kRnT2mX4vQ9bL", "flow_id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r",
         "status": "completed",
         "status_history": [{"status": "processing", "time": 1682366228, "message": "Flow started via api"},
                            {"status": "completed", "time": 1682366258, "message": "Flow completed successfully"}],
         "error": null, "metadata": {"customer_id": "12345"}, "trigger_method": "api",
         "start_time": 1682366228, "end_time": 1682366258, "duration": 30000,
         "drive_files": {"reconciliation": {"file_id": "1ABC123DEF456",
           "mime_type": "application/vnd.google-apps.spreadsheet", "sheets": [{"sheet_id": 0, "title": "Reconciliation Results"}]}},
         "flow": {"id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r", "name": "PO to Invoice Reconciliation",
                  "description": "…", "steps": [{"id": "step_1", "title": "Extract Purchase Order", "type": "extraction"}],
                  "active": true},
         "created_at": 1682366228, "updated_at": 1682366258}
        """;

    /// <summary>A run with the given id and status, shaped like the run-flow answer.</summary>
    public static string Run(string id, string status, string? error = null)
        => $$"""
           {"id": "{{id}}", "flow_id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r", "status": "{{status}}",
            "status_history": [{"status": "processing", "time": 1682366228, "message": "Flow started via api"}],
            "error": {{(error is null ? "null" : "\"" + error + "\"")}}, "metadata": {}, "trigger_method": "api",
            "start_time": 1682366228, "end_time": null, "duration": 0, "drive_files": {},
            "created_at": 1682366228, "updated_at": 1682366228}
           """;
}
