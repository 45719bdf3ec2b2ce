using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace TableFlow.Testing.Server;

/// <summary>A validated run request: what <see cref="RunRequestReader"/> read from the multipart body.</summary>
internal sealed record ReceivedRunRequest(string? Name, JsonObject? Metadata, string? MetadataJson, IReadOnlyList<EmulatedRunField> Fields);
