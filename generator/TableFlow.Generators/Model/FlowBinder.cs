using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TableFlow.Generators.Analyzers.Definitions;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Model;

/// <summary>
/// Completes a <see cref="FlowModel"/> with its flow's definition from <c>tableflow.json</c>: every field the
/// definition knows gets its <c>file_types</c> and <c>max_file_size</c> (checked by <c>RunAsync</c> before sending),
/// and a class that declares no file field gets its fields from the definition (schema-first). Plain values in and
/// out, so the pipeline step after it stays cached for every flow whose model and definition did not change.
/// </summary>
internal static class FlowBinder
{
    /// <summary><paramref name="model"/> completed with <paramref name="definition"/> (unchanged when it is <see langword="null"/>).</summary>
    public static FlowModel Bind(FlowModel model, FlowDefinition? definition, CancellationToken ct)
    {
        if (definition is null) return model;

        if (model.Fields.Count == 0)
        {
            return SchemaFirst.Applies(definition) ? FlowParser.WithFields(model, SchemaFirstFields(model, definition), ct) : model;
        }

        var byKey = new Dictionary<string, FlowFieldDefinition>(StringComparer.Ordinal);
        foreach (var field in definition.Fields)
        {
            if (!byKey.ContainsKey(field.Key)) byKey[field.Key] = field;
        }

        var changed = false;
        var fields = new List<FlowFieldModel>(model.Fields.Count);
        foreach (var field in model.Fields)
        {
            if (byKey.TryGetValue(field.FormKey, out var known) && (known.FileTypes is not null || known.MaxFileSize is not null))
            {
                fields.Add(field with { FileTypes = known.FileTypes, MaxFileSize = known.MaxFileSize });
                changed = true;
            }
            else
            {
                fields.Add(field);
            }
        }

        return changed ? model with { Fields = new EquatableArray<FlowFieldModel>(fields) } : model;
    }

    /// <summary>The fields of a schema-first class: one generated property per field of the definition, in file order.</summary>
    private static List<FlowFieldModel> SchemaFirstFields(FlowModel model, FlowDefinition definition)
    {
        // A generated property must not take a name the class, its bases or its other generated members use.
        var names = new UniqueNameBuilder();
        names.Reserve(model.MemberNames);
        names.Reserve(FlowRules.GeneratedMemberNames);
        names.Reserve(new[] { model.ClassName, model.ClientField });

        var fields = new List<FlowFieldModel>(definition.Fields.Count);
        foreach (var field in definition.Fields)
        {
            var propertyName = names.Take(FlowRules.ToPropertyName(field.Key)).TrimStart('@');
            fields.Add(new FlowFieldModel(
                propertyName,
                field.Key,
                field.Required,
                field.Multiple == true,
                DefaultGuidance: null,
                DocSummary: string.IsNullOrWhiteSpace(field.Name) ? null : field.Name!.Trim(),
                "", "", "")
            {
                FileTypes = field.FileTypes,
                MaxFileSize = field.MaxFileSize,
                GeneratedProperty = true,
            });
        }

        return fields;
    }
}

/// <summary>
/// When a <c>[TableFlow]</c> class that declares no file field gets its fields from its flow's definition: the flow
/// has fields, and their keys are ones a declaration could have (valid, distinct, clear of the reserved and derived
/// names). The generator and the TF0003 analyzer both ask here, so they agree.
/// </summary>
internal static class SchemaFirst
{
    /// <summary>Whether the fields of <paramref name="definition"/> can be generated.</summary>
    public static bool Applies(FlowDefinition definition)
    {
        if (definition.Fields.Count == 0) return false;
        var keys = definition.Fields.Select(f => (f.Key, f.Multiple == true)).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (!FlowRules.IsValidFormKey(keys[i].Key, out _) || !seen.Add(keys[i].Key)) return false;
            if (FlowRules.FindReservedCollision(keys, i) is not null) return false;
        }

        return true;
    }
}
