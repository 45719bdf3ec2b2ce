using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Analyzers;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Definitions;

/// <summary>What the generator emits for a flow found in tableflow.json, against verified snapshots beside this file.</summary>
public class DefinitionSnapshotTests
{
    internal static GeneratorRun Generate(string source, string json, LanguageVersion version = LanguageVersion.Latest)
    {
        var compilation = TestCompilations.Create(TestCompilations.ParseOptions(version), source);
        var run = GeneratorRunner.Run(compilation, new InMemoryAdditionalText("/0/tableflow.json", json));
        Assert.Empty(run.DriverDiagnostics);
        return run;
    }

    private static void VerifyCase(string source, LanguageVersion version = LanguageVersion.Latest, [CallerMemberName] string testName = "")
    {
        var run = Generate(source, DefinitionSources.Json, version);
        var generated = Assert.Single(run.Sources);
        Snapshot.Verify(generated.SourceText.ToString(), generated.HintName, testName: testName);
    }

    /// <summary>The limits go into Fields, and RunAsync checks every given file (each of a list too) before it builds the request.</summary>
    [Fact]
    public void Limits() => VerifyCase(DefinitionSources.Declared);

    /// <summary>The file-field properties come from the definition: PascalCase names, shapes from required and multiple, the name as summary.</summary>
    [Fact]
    public void SchemaFirst() => VerifyCase(DefinitionSources.SchemaFirst);

    /// <summary>Odd keys still give unique, valid names that no member of the class (or generated member) has.</summary>
    [Fact]
    public void SchemaFirstOddKeys() => VerifyCase(DefinitionSources.SchemaFirstOddKeys);

    /// <summary>Before C# 8, '?' cannot say optional: the generated attribute does.</summary>
    [Fact]
    public void SchemaFirstCSharp73() => VerifyCase(DefinitionSources.SchemaFirstOddKeys, LanguageVersion.CSharp7_3);

    [Fact]
    public void The_object_form_gives_the_same_code_as_the_bare_array()
    {
        foreach (var source in new[] { DefinitionSources.Declared, DefinitionSources.SchemaFirst })
        {
            var fromArray = Assert.Single(Generate(source, DefinitionSources.Json).Sources).SourceText.ToString();
            var fromObject = Assert.Single(Generate(source, DefinitionSources.ObjectForm).Sources).SourceText.ToString();
            Assert.Equal(fromArray, fromObject);
            Assert.Contains("Validate(", fromObject);
        }
    }

    [Fact]
    public void Without_the_flow_in_the_file_nothing_changes()
    {
        var source = DefinitionSources.Declared.Replace(DefinitionSources.FlowId, "otherFlow");
        var without = GeneratorRunner.Run(TestCompilations.Create(source));
        var with = Generate(source, DefinitionSources.Json);
        Assert.Equal(Assert.Single(without.Sources).SourceText.ToString(), Assert.Single(with.Sources).SourceText.ToString());
        Assert.DoesNotContain("Validate(", Assert.Single(with.Sources).SourceText.ToString());
    }

    [Fact]
    public void A_schema_first_class_whose_flow_is_not_in_the_file_gets_no_properties()
    {
        // No flows; a file that cannot be read; a flow whose key could not be declared (the reserved 'name').
        const string reserved = """[{"id": "dk4g1tUg1uHLs8YU", "file_input_config": {"file_fields": [{"key": "name", "required": true}]}}]""";
        foreach (var json in new[] { "[]", "not json", reserved })
        {
            var text = Assert.Single(Generate(DefinitionSources.SchemaFirst, json).Sources).SourceText.ToString();
            Assert.DoesNotContain("FlowField(", text);
            Assert.Contains("RunAsync(", text);
        }
    }

    [Fact]
    public void A_definition_without_limits_checks_nothing()
    {
        const string json = """[{"id": "dk4g1tUg1uHLs8YU", "file_input_config": {"file_fields": [{"key": "purchase_order", "required": true}, {"key": "invoice", "required": true}]}}]""";
        var text = Assert.Single(Generate(DefinitionSources.Declared, json).Sources).SourceText.ToString();
        Assert.DoesNotContain("Validate(", text);
        Assert.Contains("new global::TableFlow.FlowFieldInfo(\"invoice\", \"Invoice\", true, false, null),", text);
    }
}
