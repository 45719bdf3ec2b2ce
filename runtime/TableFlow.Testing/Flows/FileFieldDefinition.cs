using System.Collections.Generic;

namespace TableFlow.Testing.Flows;

/// <summary>One entry of a flow's <c>file_input_config.file_fields</c>, plus our <c>multiple</c>.</summary>
internal sealed record FileFieldDefinition(
    string Key,
    string Name,
    bool Required,
    bool Multiple,
    IReadOnlyList<string> FileTypes,
    long? MaxFileSize);
