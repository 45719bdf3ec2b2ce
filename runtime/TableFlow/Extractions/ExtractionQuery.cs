namespace TableFlow;

/// <summary>Filters and paging for <see cref="TableFlowClient.ListExtractionsAsync"/>.</summary>
public sealed class ExtractionQuery
{
    /// <summary>The largest page the API serves.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>Only extractions made with this template (sent as <c>template_id</c>); <see langword="null"/> for every template.</summary>
    public string? TemplateId { get; set; }

    /// <summary>
    /// How many extractions to ask for per page (sent as <c>limit</c>, 1 to 1000; the API's default is 100). The list
    /// still follows every page: this sets the page size, not the total.
    /// </summary>
    public int? PageSize { get; set; }
}
