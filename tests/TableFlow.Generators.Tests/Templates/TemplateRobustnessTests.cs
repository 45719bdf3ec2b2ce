using Microsoft.CodeAnalysis.CSharp;
using TableFlow.Generators.Tests.Robustness;

namespace TableFlow.Generators.Tests.Templates;

/// <summary>Every token prefix of every template declaration runs the generator and analyzers without failure.</summary>
public class TemplateRobustnessTests
{
    [Theory]
    [MemberData(nameof(TemplateCases.Names), MemberType = typeof(TemplateCases))]
    public void Every_prefix_runs_the_generator_and_analyzers_without_failure(string name)
    {
        var generatedSomething = HalfTypedCodeTests.Sweep(TemplateCases.Get(name));
        Assert.True(generatedSomething, "the complete declaration should have generated code at least once");
    }

    [Fact]
    public void Every_prefix_of_declarations_with_every_template_diagnostic_runs_without_failure()
        => HalfTypedCodeTests.Sweep("""
            using System;
            using System.Collections.Generic;
            using TableFlow;
            public class Outer
            {
                [TableFlowTemplate("")]
                public static class Invoice<T> : Base
                {
                    [TemplateField(" "), TemplateTable] public List<Line> Lines { get; }
                    [TemplateField("x")] public Guid Id => Guid.Empty;
                    public IReadOnlyList<Abstract> Rows { get; }
                    public static void ReadAsync() { }
                }
            }
            public class Base { public Base(int x) { } public static void FromExtraction() { } }
            public class Line { public Uri? Link { get; set; } [TemplateField("link")] public string? Other { get; set; } }
            public abstract class Abstract { public string? Text { get; set; } }
            """);
}
