namespace TableFlow.Diagnostics;

/// <summary>One kind of API call, as traces and metrics name it.</summary>
internal sealed class ApiOperation
{
    public static readonly ApiOperation RunFlow = new("RunFlow", "POST", "/v2/flows/{flow_id}/run");
    public static readonly ApiOperation GetFlowRun = new("GetFlowRun", "GET", "/v2/flows/runs/{run_id}");
    public static readonly ApiOperation ListFlowRuns = new("ListFlowRuns", "GET", "/v2/flows/runs");
    public static readonly ApiOperation ListFlowRunsOfFlow = new("ListFlowRunsOfFlow", "GET", "/v2/flows/{flow_id}/runs");
    public static readonly ApiOperation ListFlows = new("ListFlows", "GET", "/v2/flows");
    public static readonly ApiOperation Extract = new("Extract", "POST", "/v2/extractions/upload");
    public static readonly ApiOperation GetExtraction = new("GetExtraction", "GET", "/v2/extractions/{extraction_id}");
    public static readonly ApiOperation ListExtractions = new("ListExtractions", "GET", "/v2/extractions");
    public static readonly ApiOperation ListExtractionRows = new("ListExtractionRows", "GET", "/v2/extractions/{extraction_id}/tables/{table_key}/rows");
    public static readonly ApiOperation DownloadExtractionTable = new("DownloadExtractionTable", "GET", "/v2/extractions/{extraction_id}/tables/{table_key}/download");
    public static readonly ApiOperation DownloadOriginal = new("DownloadOriginal", "GET", "/v2/extractions/{extraction_id}/download-original");

    private ApiOperation(string name, string method, string urlTemplate)
    {
        Name = name;
        Method = method;
        UrlTemplate = urlTemplate;
        ActivityName = "TableFlow " + name;
    }

    /// <summary>
    /// The <c>tableflow.operation</c> tag: <c>RunFlow</c>, <c>GetFlowRun</c>, <c>ListFlowRuns</c>, <c>ListFlowRunsOfFlow</c>, <c>ListFlows</c>,
    /// <c>Extract</c>, <c>GetExtraction</c>, <c>ListExtractions</c>, <c>ListExtractionRows</c>, <c>DownloadExtractionTable</c>,
    /// <c>DownloadOriginal</c>.
    /// </summary>
    public string Name { get; }

    /// <summary>The <c>http.request.method</c> tag.</summary>
    public string Method { get; }

    /// <summary>The <c>url.template</c> tag: the path with its ids left as placeholders.</summary>
    public string UrlTemplate { get; }

    /// <summary>The activity's name, such as <c>TableFlow RunFlow</c>.</summary>
    public string ActivityName { get; }
}
