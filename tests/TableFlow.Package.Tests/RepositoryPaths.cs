using System;
using System.IO;

namespace TableFlow.Package.Tests;

/// <summary>Finds the repository the tests were built from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding <c>TableFlow.Generators.sln</c>, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TableFlow.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TableFlow.Generators.sln above {AppContext.BaseDirectory}.");
    }
}
