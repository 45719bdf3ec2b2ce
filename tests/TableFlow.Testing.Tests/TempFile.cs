using System;
using System.IO;

namespace TableFlow.Testing.Tests;

/// <summary>A file in a fresh temp folder, deleted with the folder on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string content, string name = "tableflow.json")
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tableflow-emulator-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, name);
        File.WriteAllText(Path, content);
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
