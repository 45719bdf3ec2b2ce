using System;
using System.IO;
using TableFlow.Generators.Tests.Infrastructure;

namespace TableFlow.Generators.Tests.Snapshots;

/// <summary>The snapshot helper itself: a missing or different snapshot must fail and leave a received file to review.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tf-snapshots-").FullName;

    private string FakeTestFile => Path.Combine(_directory, "FakeTests.cs");

    private string Verified => Path.Combine(_directory, "FakeTests.Case#Flow.g.verified.cs");

    private string Received => Path.Combine(_directory, "FakeTests.Case#Flow.g.received.cs");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_missing_snapshot_fails_and_writes_the_received_file()
    {
        var error = Assert.ThrowsAny<Exception>(() => Snapshot.Verify("class A { }\r\n", "Flow.g.cs", FakeTestFile, "Case"));
        Assert.Contains("No snapshot yet", error.Message);
        Assert.Equal("class A { }\n", File.ReadAllText(Received));
    }

    [Fact]
    public void A_different_snapshot_fails_naming_the_first_differing_line_and_a_matching_one_clears_the_received_file()
    {
        File.WriteAllText(Verified, "line 1\nline 2\n");
        var error = Assert.ThrowsAny<Exception>(() => Snapshot.Verify("line 1\nline two\n", "Flow.g.cs", FakeTestFile, "Case"));
        Assert.Contains("line 2", error.Message);
        Assert.Contains("line two", error.Message);
        Assert.True(File.Exists(Received));

        Snapshot.Verify("line 1\r\nline 2\r\n", "Flow.g.cs", FakeTestFile, "Case");
        Assert.False(File.Exists(Received));
    }

    [Fact]
    public void The_generator_version_is_scrubbed()
        => Assert.Equal(
            "[GeneratedCode(\"TableFlow.Generators\", \"{version}\")]",
            Snapshot.Scrub("[GeneratedCode(\"TableFlow.Generators\", \"1.2.3.4\")]"));
}
