using System;
using System.Collections.Generic;
using System.Text.Json;
using TableFlow.Testing.Flows;
using static TableFlow.Testing.Flows.FlowDefinitionReader;

namespace TableFlow.Testing.Extractions;

using FlowDefinition = TableFlow.Testing.Flows.FlowDefinition; // not the runtime's public TableFlow.FlowDefinition

/// <summary>
/// Reads the <c>templates</c> array of <c>tableflow.json</c>'s object form: each entry the API's template shape
/// (<c>id</c>, <c>name</c>, <c>fields</c>, <c>tables</c> with <c>columns</c>, each with <c>key</c>, <c>name</c>,
/// <c>data_type</c> and <c>validations</c>) plus the emulator's <c>file_types</c> and <c>result</c>
/// (<c>{"fields": {key: value}, "tables": {key: [{column: value}]}}</c>: what every upload against the template returns).
/// </summary>
internal static class TemplateDefinitionReader
{
    public static IReadOnlyList<EmulatedTemplateBuilder> ReadTemplates(JsonElement root, string source)
    {
        if (!root.TryGetProperty("templates", out var list) || list.ValueKind == JsonValueKind.Null) return System.Array.Empty<EmulatedTemplateBuilder>();
        if (list.ValueKind != JsonValueKind.Array) throw Problem(source, "$.templates", $"expected an array of extraction templates, found {Describe(list)}");
        var templates = new List<EmulatedTemplateBuilder>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var element in list.EnumerateArray())
        {
            var at = $"$.templates[{i++}]";
            var (id, builder) = ReadTemplate(element, source, at);
            if (!ids.Add(id)) throw Problem(source, at + ".id", $"template '{id}' is defined twice");
            templates.Add(builder);
        }

        return templates;
    }

    private static (string Id, EmulatedTemplateBuilder Builder) ReadTemplate(JsonElement template, string source, string at)
    {
        if (template.ValueKind != JsonValueKind.Object) throw Problem(source, at, $"expected a template object, found {Describe(template)}");
        var id = RequiredString(template, "id", source, at);
        if (TemplateIds.Problem(id) is { } idProblem) throw Problem(source, at + ".id", idProblem);
        var builder = new EmulatedTemplateBuilder(id);
        if (OptionalString(template, "name", source, at) is { } name && name.Trim().Length > 0) builder.Name(name);

        foreach (var (type, typeAt) in Strings(template, "file_types", source, at))
        {
            if (ExtractionFileKinds.TypeProblem(type) is { } problem) throw Problem(source, typeAt, problem);
            builder.FileTypes(type);
        }

        var fields = new List<TemplateField>();
        var f = 0;
        foreach (var field in ArrayOf(template, "fields", source, at))
        {
            var fieldAt = $"{at}.fields[{f++}]";
            var read = ReadField(field, source, fieldAt);
            if (fields.Exists(x => x.Key == read.Key)) throw Problem(source, fieldAt + ".key", $"field '{read.Key}' is defined twice");
            fields.Add(read);
        }

        var tables = new List<(TemplateField[] Columns, string Key, string Name, string At)>();
        var t = 0;
        foreach (var table in ArrayOf(template, "tables", source, at))
        {
            var tableAt = $"{at}.tables[{t++}]";
            if (table.ValueKind != JsonValueKind.Object) throw Problem(source, tableAt, $"expected a table object, found {Describe(table)}");
            var key = RequiredString(table, "key", source, tableAt);
            if (tables.Exists(x => x.Key == key)) throw Problem(source, tableAt + ".key", $"table '{key}' is defined twice");
            var columns = new List<TemplateField>();
            var c = 0;
            foreach (var column in ArrayOf(table, "columns", source, tableAt))
            {
                var columnAt = $"{tableAt}.columns[{c++}]";
                var read = ReadField(column, source, columnAt);
                if (columns.Exists(x => x.Key == read.Key)) throw Problem(source, columnAt + ".key", $"column '{read.Key}' is defined twice");
                columns.Add(read);
            }

            tables.Add((columns.ToArray(), key, OptionalString(table, "name", source, tableAt) ?? FlowDefinition.DisplayName(key), tableAt));
        }

        // The result: values for the fields and rows for the tables; a key the template does not define is a typo.
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var rows = new Dictionary<string, List<IReadOnlyDictionary<string, JsonElement>>>(StringComparer.Ordinal);
        if (template.TryGetProperty("result", out var result) && result.ValueKind != JsonValueKind.Null)
        {
            var resultAt = at + ".result";
            if (result.ValueKind != JsonValueKind.Object) throw Problem(source, resultAt, $"expected an object {{\"fields\": {{...}}, \"tables\": {{...}}}}, found {Describe(result)}");
            foreach (var (key, value) in Members(result, "fields", source, resultAt))
            {
                if (!fields.Exists(x => x.Key == key)) throw Problem(source, $"{resultAt}.fields.{key}", $"the template has no field '{key}' ({Keys(fields)})");
                values[key] = value.Clone();
            }

            foreach (var (key, value) in Members(result, "tables", source, resultAt))
            {
                var tableAt = $"{resultAt}.tables.{key}";
                var table = tables.Find(x => x.Key == key);
                if (table.Key is null) throw Problem(source, tableAt, $"the template has no table '{key}'");
                if (value.ValueKind != JsonValueKind.Array) throw Problem(source, tableAt, $"expected an array of rows (objects of column values), found {Describe(value)}");
                var list = new List<IReadOnlyDictionary<string, JsonElement>>();
                var r = 0;
                foreach (var row in value.EnumerateArray())
                {
                    var rowAt = $"{tableAt}[{r++}]";
                    if (row.ValueKind != JsonValueKind.Object) throw Problem(source, rowAt, $"expected an object of column values, found {Describe(row)}");
                    var cells = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    foreach (var cell in row.EnumerateObject())
                    {
                        if (System.Array.FindIndex(table.Columns, x => x.Key == cell.Name) < 0)
                        {
                            throw Problem(source, $"{rowAt}.{cell.Name}", $"table '{key}' has no column '{cell.Name}' ({Keys(table.Columns)})");
                        }

                        cells[cell.Name] = cell.Value.Clone();
                    }

                    list.Add(cells);
                }

                rows[key] = list;
            }
        }

        foreach (var field in fields) builder.AddField(field, values.TryGetValue(field.Key, out var value) ? value : JsonValues.Null);
        foreach (var table in tables)
        {
            builder.AddTable(new TemplateTable(table.Key, table.Name, table.Columns, rows.TryGetValue(table.Key, out var list) ? list.ToArray() : System.Array.Empty<IReadOnlyDictionary<string, JsonElement>>()));
        }

        return (id, builder);
    }

    private static TemplateField ReadField(JsonElement field, string source, string at)
    {
        if (field.ValueKind != JsonValueKind.Object) throw Problem(source, at, $"expected an object with \"key\", \"name\" and \"data_type\", found {Describe(field)}");
        var key = RequiredString(field, "key", source, at);
        var dataType = OptionalString(field, "data_type", source, at) ?? "string";
        var rules = new List<ValidationRule>();
        var i = 0;
        foreach (var rule in ArrayOf(field, "validations", source, at))
        {
            var ruleAt = $"{at}.validations[{i++}]";
            if (rule.ValueKind != JsonValueKind.Object) throw Problem(source, ruleAt, $"expected an object such as {{\"validate\": \"not_blank\"}}, found {Describe(rule)}");
            var validate = RequiredString(rule, "validate", source, ruleAt);
            var options = rule.TryGetProperty("options", out var o) ? o.Clone() : default;
            string severity;
            try
            {
                severity = ValidationSeverity.Checked(OptionalString(rule, "severity", source, ruleAt), "severity");
            }
            catch (ArgumentException e)
            {
                throw Problem(source, ruleAt + ".severity", e.Message.Split(" (Parameter", 2)[0].TrimEnd('.'));
            }

            if (validate == "regex")
            {
                var pattern = options.ValueKind == JsonValueKind.Object && options.TryGetProperty("pattern", out var p) ? p : options;
                if (ValidationEvaluator.PatternProblem(pattern.ValueKind == JsonValueKind.String ? pattern.GetString() : null) is { } problem)
                {
                    throw Problem(source, ruleAt + ".options", problem.TrimEnd('.'));
                }
            }

            rules.Add(new ValidationRule(validate, options, severity, OptionalString(rule, "message", source, ruleAt)));
        }

        return new TemplateField(key, OptionalString(field, "name", source, at) ?? FlowDefinition.DisplayName(key), dataType, rules);
    }

    private static IEnumerable<JsonElement> ArrayOf(JsonElement obj, string name, string source, string at)
    {
        if (!obj.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null) return System.Array.Empty<JsonElement>();
        if (list.ValueKind != JsonValueKind.Array) throw Problem(source, $"{at}.{name}", $"expected an array, found {Describe(list)}");
        return list.EnumerateArray();
    }

    private static IEnumerable<(string Value, string At)> Strings(JsonElement obj, string name, string source, string at)
    {
        var i = 0;
        foreach (var item in ArrayOf(obj, name, source, at))
        {
            var itemAt = $"{at}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.String) throw Problem(source, itemAt, $"expected a string, found {Describe(item)}");
            yield return (item.GetString()!, itemAt);
        }
    }

    private static IEnumerable<(string Key, JsonElement Value)> Members(JsonElement obj, string name, string source, string at)
    {
        if (!obj.TryGetProperty(name, out var map) || map.ValueKind == JsonValueKind.Null) yield break;
        if (map.ValueKind != JsonValueKind.Object) throw Problem(source, $"{at}.{name}", $"expected an object keyed by {name[..^1]} key, found {Describe(map)}");
        foreach (var member in map.EnumerateObject()) yield return (member.Name, member.Value);
    }

    private static string Keys(IEnumerable<TemplateField> fields)
    {
        var keys = new List<string>();
        foreach (var field in fields) keys.Add(field.Key);
        return keys.Count == 0 ? "it defines none" : "it defines " + string.Join(", ", keys);
    }
}

/// <summary>The rule on template ids: the API's id characters, and not <c>auto</c>, which asks the service to choose.</summary>
internal static class TemplateIds
{
    public static string? Problem(string id)
    {
        if (id == "auto") return "'auto' is not a template id: an upload sends it to let the service choose a template";
        return FlowNames.IdProblem(id) is { } problem ? $"the template id '{FlowNames.Printable(id)}' is not valid: {problem}" : null;
    }
}
