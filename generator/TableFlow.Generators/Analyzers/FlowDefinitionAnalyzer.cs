using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis;
using TableFlow.Generators.Analyzers.Definitions;
using TableFlow.Generators.Declarations;
using TableFlow.Generators.Diagnostics;
using TableFlow.Generators.Model;
using TableFlow.Generators.Rules;

namespace TableFlow.Generators.Analyzers;

/// <summary>
/// TF0010: checks each <c>[TableFlow]</c> class against the flow definitions in <c>tableflow.json</c> (an
/// <c>AdditionalFiles</c> item in the shape of <c>GET /v2/flows</c>): a required field of the flow with no property,
/// a property whose key the flow does not have, a required field declared optional, and a field whose
/// <c>multiple</c> disagrees with the property's shape; also a flow id the file does not list or marks inactive.
/// Without such a file it does nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FlowDefinitionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.DefinitionFileUnreadable,
        DiagnosticDescriptors.FlowNotInDefinitionFile,
        DiagnosticDescriptors.FlowInactive,
        DiagnosticDescriptors.RequiredFieldMissing,
        DiagnosticDescriptors.UnknownFieldKey,
        DiagnosticDescriptors.RequiredFieldDeclaredOptional,
        DiagnosticDescriptors.MultipleFieldDeclaredSingle,
        DiagnosticDescriptors.SingleFieldDeclaredMultiple,
        DiagnosticDescriptors.UnmarkedFieldDeclaredMultiple);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var lookup = FlowFieldLookup.TryCreate(start.Compilation);
            if (lookup is null) return;
            var definitions = FlowDefinitions.Read(start.Options.AdditionalFiles, start.CancellationToken);
            if (definitions is null) return;
            start.RegisterSymbolAction(context => Analyze(context, lookup, definitions), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, FlowFieldLookup lookup, FlowDefinitions definitions)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!lookup.IsFlowClass(type)) return;
        var declaration = FlowDeclaration.Read(type, context.CancellationToken);
        // An invalid or half-typed flow id is TF0002's business (or the user is still typing).
        if (declaration?.FlowId is not { } flowId || !FlowRules.IsValidFlowId(flowId, out _)) return;

        if (definitions.Error is { } broken)
        {
            Report(context, DiagnosticDescriptors.DefinitionFileUnreadable, declaration.ClassLocation, broken.DisplayName, type.Name, broken.Error ?? "");
            return;
        }

        if (!definitions.TryGetFlow(flowId, out var flow, out var file))
        {
            Report(context, DiagnosticDescriptors.FlowNotInDefinitionFile, FlowIdLocation(declaration, context.CancellationToken),
                flowId, type.Name, file.DisplayName, Quote(definitions.FlowIds));
            return;
        }

        if (!flow.Active)
        {
            Report(context, DiagnosticDescriptors.FlowInactive, FlowIdLocation(declaration, context.CancellationToken), flowId, type.Name, file.DisplayName);
        }

        // A schema-first class: its fields are generated from this very definition, so they agree.
        if (declaration.Fields.IsEmpty && SchemaFirst.Applies(flow)) return;

        CheckFields(context, declaration, flow, file.DisplayName);
    }

    private static void CheckFields(SymbolAnalysisContext context, FlowDeclaration declaration, FlowDefinition flow, string fileName)
    {
        var typeName = declaration.Type.Name;
        var byKey = new Dictionary<string, FlowFieldDefinition>();
        foreach (var field in flow.Fields) byKey[field.Key] = field;
        var declared = new HashSet<string>(declaration.Fields.Select(f => f.Key));

        for (var index = 0; index < flow.Fields.Count; index++)
        {
            var field = flow.Fields[index];
            if (field.Required && !declared.Contains(field.Key))
            {
                var propertyName = FlowRules.ToPropertyName(field.Key);
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(MissingFieldProperties.Key, field.Key)
                    .Add(MissingFieldProperties.PropertyName, propertyName)
                    .Add(MissingFieldProperties.Index, index.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add(MissingFieldProperties.Multiple, field.Multiple == true ? "true" : "false");
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RequiredFieldMissing, declaration.ClassLocation, properties,
                    flow.Id, field.Key, fileName, typeName, propertyName));
            }
        }

        foreach (var property in declaration.Fields)
        {
            var location = property.IdentifierLocation;
            if (!byKey.TryGetValue(property.Key, out var definition))
            {
                var suggestion = KeySuggestion.Closest(property.Key, flow.Fields.Select(f => f.Key).Where(k => !declared.Contains(k)));
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (suggestion is not null)
                {
                    properties = properties.Add(UnknownKeyProperties.SuggestedKey, suggestion);
                    var renamed = FlowRules.ToPropertyName(suggestion);
                    if (!property.KeyIsExplicit && FlowRules.ToSnakeCase(renamed) == suggestion) properties = properties.Add(UnknownKeyProperties.PropertyName, renamed);
                }

                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnknownFieldKey, property.KeyLocation, properties,
                    property.PropertyName, typeName, property.Key, flow.Id, fileName, Quote(flow.Fields.Select(f => f.Key)),
                    suggestion is null ? "" : $"Did you mean '{suggestion}'? "));
                continue;
            }

            if (definition.Required && !property.Required)
            {
                Report(context, DiagnosticDescriptors.RequiredFieldDeclaredOptional, location, flow.Id, property.Key, fileName, property.PropertyName, typeName);
            }

            if (definition.Multiple == true && !property.Multiple)
            {
                Report(context, DiagnosticDescriptors.MultipleFieldDeclaredSingle, location, property.Key, flow.Id, fileName, property.PropertyName, typeName);
            }
            else if (definition.Multiple == false && property.Multiple)
            {
                Report(context, DiagnosticDescriptors.SingleFieldDeclaredMultiple, location, property.Key, flow.Id, fileName, property.PropertyName, typeName);
            }
            else if (definition.Multiple is null && property.Multiple)
            {
                // The API does not say; the emulator, reading the same file, then expects one part named by the key.
                Report(context, DiagnosticDescriptors.UnmarkedFieldDeclaredMultiple, location, property.Key, flow.Id, fileName, property.PropertyName, typeName);
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object[] arguments)
        => context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

    private static Location FlowIdLocation(FlowDeclaration declaration, CancellationToken ct)
        => declaration.Attribute.ApplicationSyntaxReference?.GetSyntax(ct) is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
            ? arguments[0].Expression.GetLocation()
            : declaration.ClassLocation;

    private static string Quote(IEnumerable<string> names)
    {
        var list = names.Select(n => "'" + n + "'").ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
