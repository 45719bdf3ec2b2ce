using System.Collections.Generic;

namespace TableFlow.Json;

/// <summary>Turns the wire shapes of <c>GET v2/flows</c> into the public model, with defaults for what is missing or unreadable.</summary>
internal static class FlowDefinitionMapper
{
    public static FlowDefinition ToFlowDefinition(FlowDefinitionDto dto)
    {
        var fields = new List<FlowFileFieldDefinition>();
        foreach (var field in dto.FileInputConfig?.FileFields ?? [])
        {
            // A field without a key cannot be sent, so it is not a field a caller can use.
            if (field?.Key is not { } key || key.Trim().Length == 0) continue;
            fields.Add(new FlowFileFieldDefinition
            {
                Key = key,
                Name = field.Name,
                Required = field.Required ?? false,
                FileTypes = field.FileTypes ?? [],
                MaxFileSize = field.MaxFileSize,
                Multiple = field.Multiple,
            });
        }

        var steps = new List<FlowStepDefinition>();
        foreach (var step in dto.Steps ?? [])
        {
            if (step is null) continue;
            steps.Add(new FlowStepDefinition
            {
                Id = step.Id ?? "",
                Title = step.Title,
                Description = step.Description,
                Type = step.Type,
                Order = step.Order is >= int.MinValue and <= int.MaxValue ? (int)step.Order.Value : null,
                Config = step.Config,
            });
        }

        return new FlowDefinition
        {
            Id = dto.Id ?? "",
            WorkspaceId = dto.WorkspaceId,
            Name = dto.Name,
            Description = dto.Description,
            Active = dto.Active ?? false,
            FileFields = fields,
            Steps = steps,
            CreatedAt = FlowRunMapper.FromUnixSeconds(dto.CreatedAt),
            UpdatedAt = FlowRunMapper.FromUnixSeconds(dto.UpdatedAt),
        };
    }
}
