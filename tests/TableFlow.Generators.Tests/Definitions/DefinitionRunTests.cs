using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TableFlow.Generators.Tests.Infrastructure;
using TableFlow.Testing;

namespace TableFlow.Generators.Tests.Definitions;

/// <summary>
/// The generated code of a flow in tableflow.json, run over loopback against the emulator loaded from the same file:
/// files that break a limit are refused before anything reaches the server; a schema-first class runs end to end.
/// </summary>
public sealed class DefinitionRunTests : IDisposable
{
    private static readonly Lazy<Type> Declared = new(() => GeneratedAssembly.Compile(DefinitionSources.Declared, DefinitionSources.Json).Type("Sample.PoReconciliation"));
    private static readonly Lazy<Type> SchemaFirst = new(() => GeneratedAssembly.Compile(DefinitionSources.SchemaFirst, DefinitionSources.Json).Type("Sample.PoReconciliation"));
    private static readonly Lazy<Type> SchemaFirstFromObjectForm = new(() => GeneratedAssembly.Compile(DefinitionSources.SchemaFirst, DefinitionSources.ObjectForm).Type("Sample.PoReconciliation"));

    private readonly string _definitionFile = Path.Combine(Path.GetTempPath(), $"tableflow-{Guid.NewGuid():N}.json");

    public DefinitionRunTests() => System.IO.File.WriteAllText(_definitionFile, DefinitionSources.Json);

    public void Dispose() => System.IO.File.Delete(_definitionFile);

    private async Task<TableFlowEmulator> StartEmulatorAsync()
        => (await TableFlowEmulator.StartAsync()).LoadFlows(_definitionFile);

    private static FlowFile File(string name, int size) => FlowFile.FromBytes(new byte[size], name);

    private static async Task<ArgumentException> RefusedAsync(TableFlowEmulator emulator, Type flow, Dictionary<string, object?> arguments)
    {
        using var client = emulator.CreateClient();
        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => GeneratedAssembly.CallRunAsync(flow, client, arguments));
        Assert.Empty(emulator.Requests);
        Assert.Empty(emulator.Runs);
        return e;
    }

    [Fact]
    public async Task A_file_over_max_file_size_is_refused_before_anything_is_sent()
    {
        await using var emulator = await StartEmulatorAsync();
        var e = await RefusedAsync(emulator, Declared.Value, new()
        {
            ["purchaseOrder"] = File("po.pdf", 1001),
            ["invoice"] = File("invoice.pdf", 10),
        });

        Assert.Equal("purchaseOrder", e.ParamName);
        Assert.Contains("'purchase_order'", e.Message);
        Assert.Contains("max_file_size of 1,000 bytes", e.Message);
        Assert.Contains("'po.pdf'", e.Message);
    }

    [Fact]
    public async Task A_file_of_the_wrong_type_is_refused_before_anything_is_sent()
    {
        await using var emulator = await StartEmulatorAsync();
        var e = await RefusedAsync(emulator, Declared.Value, new()
        {
            ["purchaseOrder"] = File("po.png", 10),
            ["invoice"] = File("invoice.docx", 10),
        });

        Assert.Equal("invoice", e.ParamName);
        Assert.Contains("'invoice'", e.Message);
        Assert.Contains("file_types are pdf", e.Message);
        Assert.Contains("'invoice.docx'", e.Message);
    }

    [Fact]
    public async Task Every_file_of_a_list_is_checked_before_anything_is_sent()
    {
        await using var emulator = await StartEmulatorAsync();
        var e = await RefusedAsync(emulator, Declared.Value, new()
        {
            ["purchaseOrder"] = File("po.pdf", 10),
            ["invoice"] = File("invoice.pdf", 10),
            ["attachments"] = new[] { File("a1.pdf", 100), File("a2.xlsx", 50), File("a3.pdf", 101) },
        });

        Assert.Equal("attachments", e.ParamName);
        Assert.Contains("'attachments'", e.Message);
        Assert.Contains("max_file_size of 100 bytes", e.Message);
        Assert.Contains("'a3.pdf'", e.Message);
    }

    [Fact]
    public async Task Files_within_the_limits_are_sent_and_a_lazy_list_is_read_once()
    {
        await using var emulator = await StartEmulatorAsync();
        using var client = emulator.CreateClient();
        var reads = 0;
        IEnumerable<FlowFile> Attachments()
        {
            reads++;
            yield return File("a1.pdf", 100);
            yield return File("a2.xlsx", 1);
        }

        var run = await GeneratedAssembly.CallRunAsync(Declared.Value, client, new Dictionary<string, object?>()
        {
            ["purchaseOrder"] = File("po.png", 1000),
            ["invoice"] = File("invoice.pdf", 5000),
            ["attachments"] = Attachments(),
        });

        Assert.Equal(1, reads);
        var recorded = Assert.Single(emulator.Runs);
        Assert.Equal(run.Id, recorded.Id);
        Assert.Equal(new[] { "purchase_order", "invoice", "attachments_1", "attachments_2" }, recorded.Files.Select(f => f.PartName));
    }

    [Fact]
    public void Fields_carry_the_limits_of_the_definition()
    {
        var fields = (IReadOnlyList<FlowFieldInfo>)Declared.Value.GetProperty("Fields")!.GetValue(null)!;
        Assert.Equal(new[] { "pdf", "image" }, fields[0].FileTypes);
        Assert.Equal(1000, fields[0].MaxFileSize);
        Assert.Equal(new[] { "pdf" }, fields[1].FileTypes);
        Assert.Null(fields[1].MaxFileSize);
        Assert.Null(fields[2].FileTypes);
        Assert.Null(fields[2].MaxFileSize);
        Assert.Equal(100, fields[3].MaxFileSize);
    }

    [Fact]
    public async Task A_schema_first_class_runs_end_to_end_against_the_emulator_loaded_from_the_same_file()
    {
        var type = SchemaFirst.Value;
        Assert.Equal(
            new[] { ("purchase_order", "PurchaseOrder", true, false), ("invoice", "Invoice", true, false), ("delivery_note", "DeliveryNote", false, false), ("attachments", "Attachments", false, true) },
            ((IReadOnlyList<FlowFieldInfo>)type.GetProperty("Fields")!.GetValue(null)!).Select(f => (f.Key, f.PropertyName, f.Required, f.Multiple)));
        Assert.Equal(typeof(IReadOnlyList<FlowFile>), type.GetProperty("Attachments")!.PropertyType);

        await using var emulator = await StartEmulatorAsync();
        using var client = emulator.CreateClient();
        var started = await GeneratedAssembly.CallRunAsync(type, client, new Dictionary<string, object?>()
        {
            ["purchaseOrder"] = File("po.pdf", 10),
            ["invoice"] = File("invoice.pdf", 10),
            ["deliveryNote"] = File("note.txt", 3),
            ["attachments"] = new[] { File("a.pdf", 1) },
            ["name"] = "schema-first",
        });
        var finished = await client.WaitForFlowRunAsync(started.Id);

        Assert.Equal(FlowRunStatus.Completed, finished.Status);
        var recorded = Assert.Single(emulator.Runs);
        Assert.Equal("schema-first", recorded.Name);
        Assert.Equal(new[] { "purchase_order", "invoice", "delivery_note", "attachments_1" }, recorded.Files.Select(f => f.PartName));

        // The generated properties are declarations: reading one says so instead of giving a silent null.
        var instance = Activator.CreateInstance(type, client)!;
        var read = Assert.Throws<System.Reflection.TargetInvocationException>(() => type.GetProperty("Invoice")!.GetValue(instance));
        Assert.Contains("holds no value", Assert.IsType<InvalidOperationException>(read.InnerException).Message);
    }

    [Fact]
    public async Task A_schema_first_class_from_an_object_form_file_runs_against_the_emulator_loaded_from_that_file()
    {
        var objectForm = Path.Combine(Path.GetTempPath(), $"tableflow-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(objectForm, DefinitionSources.ObjectForm);
        try
        {
            await using var emulator = (await TableFlowEmulator.StartAsync()).LoadFlows(objectForm);
            using var client = emulator.CreateClient();
            Assert.Equal(new[] { "JlLZVabDjYWzu7C9" }, emulator.TemplateIds);

            var type = SchemaFirstFromObjectForm.Value;
            var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => GeneratedAssembly.CallRunAsync(type, client, new Dictionary<string, object?>()
            {
                ["purchaseOrder"] = File("po.pdf", 1001),
                ["invoice"] = File("invoice.pdf", 10),
            }));
            Assert.Contains("max_file_size of 1,000 bytes", e.Message);
            Assert.Empty(emulator.Requests);

            var started = await GeneratedAssembly.CallRunAsync(type, client, new Dictionary<string, object?>()
            {
                ["purchaseOrder"] = File("po.png", 1000),
                ["invoice"] = File("invoice.pdf", 10),
                ["attachments"] = new[] { File("a.pdf", 1), File("b.xlsx", 2) },
            });
            var finished = await client.WaitForFlowRunAsync(started.Id);

            Assert.Equal(FlowRunStatus.Completed, finished.Status);
            Assert.Equal(new[] { "purchase_order", "invoice", "attachments_1", "attachments_2" }, Assert.Single(emulator.Runs).Files.Select(f => f.PartName));
        }
        finally
        {
            System.IO.File.Delete(objectForm);
        }
    }
}
