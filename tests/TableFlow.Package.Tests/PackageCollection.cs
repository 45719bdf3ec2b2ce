namespace TableFlow.Package.Tests;

/// <summary>
/// Every package test shares one pack (and one consumer build) and runs one after another: each step is a full
/// `dotnet` build, and running them side by side on a small machine only makes each slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packed packages";
}
