using System;
using System.IO;

namespace TableFlow.Cli.Tests;

/// <summary>A temporary working directory for one test: the flow definition file and the files to upload.</summary>
public sealed class Workspace : IDisposable
{
    /// <summary>The seed flow, as the API docs show it, with an optional multi-file field.</summary>
    public const string SeedFlowsJson = """
        [{"id": "dk4g1tUg1uHLs8YU", "name": "PO to Invoice Reconciliation", "active": true,
          "file_input_config": {"file_fields": [
             {"key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760},
             {"key": "invoice", "name": "Invoice", "required": true, "file_types": ["pdf", "image"], "max_file_size": 10485760},
             {"key": "attachments", "name": "Attachments", "required": false, "multiple": true}]},
          "steps": [{"id": "step_1", "title": "Extract Purchase Order", "type": "extraction", "order": 1,
                     "config": {"template_id": "Bx9wKm4nRt7vP3cQ", "file_key": "purchase_order"}}]}]
        """;

    public Workspace()
    {
        Directory.CreateDirectory(Root);
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "tableflow-cli-" + Guid.NewGuid().ToString("N"));

    public string PathOf(string name) => Path.Combine(Root, name);

    public string Write(string name, string text)
    {
        File.WriteAllText(PathOf(name), text);
        return PathOf(name);
    }

    public string Write(string name, byte[] bytes)
    {
        File.WriteAllBytes(PathOf(name), bytes);
        return PathOf(name);
    }

    public string Read(string name) => File.ReadAllText(PathOf(name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is being killed; the temp directory is cleaned later.
        }
    }
}
