using System.Text.Json;
using System.Text.Json.Serialization;

namespace TableFlow.Json;

/// <summary>Source-generated (reflection-free, trimming and AOT safe) JSON for the extraction endpoints' shapes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(ExtractionDto))]
[JsonSerializable(typeof(ExtractionFileInfoDto))]
[JsonSerializable(typeof(ExtractionDataDto))]
[JsonSerializable(typeof(ExtractionFieldsDto))]
[JsonSerializable(typeof(ExtractionTableDto))]
[JsonSerializable(typeof(ExtractionRowDto))]
[JsonSerializable(typeof(ExtractionPageDto))]
[JsonSerializable(typeof(ExtractionStatsDto))]
[JsonSerializable(typeof(ExtractionCountsDto))]
[JsonSerializable(typeof(ExtractionTableStatsDto))]
[JsonSerializable(typeof(ExtractionTemplateDto))]
[JsonSerializable(typeof(ExtractionTemplateFieldDto))]
[JsonSerializable(typeof(ExtractionTemplateTableDto))]
internal sealed partial class ExtractionJsonContext : JsonSerializerContext
{
}
