using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace TableFlow.Package.Tests;

/// <summary>A packed .nupkg/.snupkg opened read-only: its file list, its nuspec and any file's bytes.</summary>
internal sealed class NuGetPackage : IDisposable
{
    private readonly ZipArchive archive;

    public NuGetPackage(string path)
    {
        Assert.True(File.Exists(path), $"The package {path} was not produced.");
        archive = ZipFile.OpenRead(path);
        var nuspecEntry = archive.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        Nuspec = XDocument.Load(stream);
    }

    /// <summary>The nuspec document.</summary>
    public XDocument Nuspec { get; }

    /// <summary>The package's own files, without the OPC bookkeeping NuGet adds to every package.</summary>
    public IReadOnlyList<string> Files => archive.Entries
        .Select(e => e.FullName)
        .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
            && !name.StartsWith("package/", StringComparison.Ordinal)
            && name != "[Content_Types].xml"
            && !name.EndsWith(".nuspec", StringComparison.Ordinal))
        .OrderBy(name => name, StringComparer.Ordinal)
        .ToList();

    /// <summary>A nuspec metadata element's text (by local name), or null.</summary>
    public string? Metadata(string name) => MetadataElement(name)?.Value;

    /// <summary>A nuspec metadata element (by local name), or null.</summary>
    public XElement? MetadataElement(string name)
        => Nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name);

    /// <summary>The dependency ids of each target-framework group, keyed by the group's targetFramework.</summary>
    public IReadOnlyDictionary<string, string[]> DependencyGroups()
        => MetadataElement("dependencies")?.Elements().Where(e => e.Name.LocalName == "group").ToDictionary(
            g => (string)g.Attribute("targetFramework")!,
            g => g.Elements().Select(d => $"{(string)d.Attribute("id")!} {(string)d.Attribute("version")!}").ToArray())
        ?? new Dictionary<string, string[]>();

    /// <summary>A file's bytes.</summary>
    public byte[] Read(string path)
    {
        var entry = archive.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the package.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => archive.Dispose();
}
