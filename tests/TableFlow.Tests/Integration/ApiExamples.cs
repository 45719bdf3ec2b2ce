namespace TableFlow.Tests.Integration;

/// <summary>The documented example responses of tableflow-api.md §2.2 and §2.3.</summary>
internal static class ApiExamples
{
    public const string RunFlowResponse = """
        {"id": "Wp7kRnT2mX4vQ9bL", "flow_id": "dk4g1tUg1uHLs8YU", "workspace_id": "uT2bJNWN75YPU95r",
         "status": "processing",
         "status_history": [{"status": "processing", "time": 1682366228, "message": "Flow started via api"}],
         "error": null, "metadata": {"customer_id": "12345"}, "trigger_method": "api",
         "start_time": 1682366228, "end_time": null, "duration": 0, "drive_files": {},
         "created_at": 1682366228, "updated_at": 1682366228}
        """;
}
