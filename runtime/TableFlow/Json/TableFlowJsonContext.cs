using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace TableFlow.Json;

/// <summary>Source-generated (reflection-free, trimming and AOT safe) JSON for every shape the client reads or writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(FlowRunDto))]
[JsonSerializable(typeof(List<FlowRunDto>))]
[JsonSerializable(typeof(FlowRunPageDto))]
[JsonSerializable(typeof(StatusChangeDto))]
[JsonSerializable(typeof(DriveFileDto))]
[JsonSerializable(typeof(DriveSheetDto))]
[JsonSerializable(typeof(FlowDto))]
[JsonSerializable(typeof(FlowStepDto))]
[JsonSerializable(typeof(FlowDefinitionDto))]
[JsonSerializable(typeof(FileInputConfigDto))]
[JsonSerializable(typeof(FileFieldDto))]
[JsonSerializable(typeof(FlowStepDefinitionDto))]
[JsonSerializable(typeof(PaginationDto))]
[JsonSerializable(typeof(ErrorDto))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class TableFlowJsonContext : JsonSerializerContext
{
}
