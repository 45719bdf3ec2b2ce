using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace TableFlow.Benchmarks.Shared;

/// <summary>
/// Reflection-based System.Text.Json settings for <see cref="FlowRunPoco"/>: what Refit's default serializer and a
/// typical hand-written client use (web defaults, with the API's snake_case names).
/// </summary>
public static class ReflectionJson
{
    /// <summary>Web defaults + snake_case, metadata built by reflection at first use (then cached in the options).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };
}
