using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TableFlow.Json;

// Wire shapes of the extraction endpoints (docs.tableflow.com and its Mintlify mirror: upload-file, get-extractions,
// get-extraction, get-extraction-table-rows). Both page generations are read by the same shapes: every member is
// optional and reads through a lenient converter, so a member of an unexpected shape becomes null instead of failing
// the answer; ExtractionMapper turns them into the public model. Validations stay raw JSON (their keys differ between
// pages) and are read by ExtractionIssueReader.

/// <summary>One extraction: the get-one answer, the upload answer, a list item and a webhook's data all fit it.</summary>
internal sealed class ExtractionDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? ExtractionId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? WorkspaceId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? TemplateId { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? TemplateName { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? FileName { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Filename { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? FileSize { get; set; }
    [JsonConverter(typeof(ExtractionFileTypeConverter))] public ExtractionFileType? FileType { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<ExtractionFileInfoDto>))] public ExtractionFileInfoDto? FileInfo { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Status { get; set; }
    [JsonConverter(typeof(LenientListConverter<StatusChangeDto>))] public List<StatusChangeDto?>? StatusHistory { get; set; }
    [JsonConverter(typeof(LenientMetadataConverter))] public JsonObject? Metadata { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? CreatedAt { get; set; }
    [JsonConverter(typeof(LenientDoubleConverter))] public double? UpdatedAt { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<ExtractionDataDto>))] public ExtractionDataDto? Data { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<ExtractionStatsDto>))] public ExtractionStatsDto? Stats { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<ExtractionTemplateDto>))] public ExtractionTemplateDto? Template { get; set; }
}

/// <summary>The list's <c>file_info</c>: <c>{file_name, file_type}</c>, where <c>file_type</c> is a bare extension.</summary>
internal sealed class ExtractionFileInfoDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? FileName { get; set; }
    [JsonConverter(typeof(ExtractionFileTypeConverter))] public ExtractionFileType? FileType { get; set; }
}

internal sealed class ExtractionDataDto
{
    [JsonConverter(typeof(LenientObjectConverter<ExtractionFieldsDto>))] public ExtractionFieldsDto? Fields { get; set; }
    [JsonConverter(typeof(LenientMapConverter<ExtractionTableDto>))] public Dictionary<string, ExtractionTableDto?>? Tables { get; set; }
}

internal sealed class ExtractionFieldsDto
{
    [JsonConverter(typeof(ExtractedValueMapConverter))] public Dictionary<string, ExtractedValue>? Values { get; set; }
    public JsonElement Validations { get; set; }
}

/// <summary>A table embedded in an extraction, and the answer of the rows endpoint: <c>{pagination, rows}</c>.</summary>
internal sealed class ExtractionTableDto
{
    [JsonConverter(typeof(LenientObjectConverter<PaginationDto>))] public PaginationDto? Pagination { get; set; }
    [JsonConverter(typeof(LenientListConverter<ExtractionRowDto>))] public List<ExtractionRowDto?>? Rows { get; set; }
}

internal sealed class ExtractionRowDto
{
    [JsonConverter(typeof(LenientInt64Converter))] public long? Index { get; set; }
    [JsonConverter(typeof(ExtractedValueMapConverter))] public Dictionary<string, ExtractedValue>? Values { get; set; }
    public JsonElement Validations { get; set; }
}

/// <summary>The list answer: <c>{extractions, total, limit, offset}</c> (top-level counts, no <c>next_offset</c>).</summary>
internal sealed class ExtractionPageDto
{
    [JsonConverter(typeof(LenientListConverter<ExtractionDto>))] public List<ExtractionDto?>? Extractions { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Total { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Limit { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Offset { get; set; }
}

internal sealed class ExtractionStatsDto
{
    [JsonConverter(typeof(LenientObjectConverter<ExtractionCountsDto>))] public ExtractionCountsDto? Fields { get; set; }
    [JsonConverter(typeof(LenientMapConverter<ExtractionTableStatsDto>))] public Dictionary<string, ExtractionTableStatsDto?>? Tables { get; set; }
}

internal sealed class ExtractionCountsDto
{
    [JsonConverter(typeof(LenientInt64Converter))] public long? Valid { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Invalid { get; set; }
    [JsonConverter(typeof(LenientInt64Converter))] public long? Total { get; set; }
}

internal sealed class ExtractionTableStatsDto
{
    [JsonConverter(typeof(LenientObjectConverter<ExtractionCountsDto>))] public ExtractionCountsDto? Rows { get; set; }
    [JsonConverter(typeof(LenientObjectConverter<ExtractionCountsDto>))] public ExtractionCountsDto? Columns { get; set; }
}

internal sealed class ExtractionTemplateDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Id { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Name { get; set; }
    [JsonConverter(typeof(LenientListConverter<ExtractionTemplateFieldDto>))] public List<ExtractionTemplateFieldDto?>? Fields { get; set; }
    [JsonConverter(typeof(LenientListConverter<ExtractionTemplateTableDto>))] public List<ExtractionTemplateTableDto?>? Tables { get; set; }
}

internal sealed class ExtractionTemplateFieldDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Key { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Name { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? DataType { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Description { get; set; }
}

internal sealed class ExtractionTemplateTableDto
{
    [JsonConverter(typeof(LenientStringConverter))] public string? Key { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Name { get; set; }
    [JsonConverter(typeof(LenientStringConverter))] public string? Description { get; set; }
    [JsonConverter(typeof(LenientListConverter<ExtractionTemplateFieldDto>))] public List<ExtractionTemplateFieldDto?>? Columns { get; set; }
}
