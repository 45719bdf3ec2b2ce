using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;

namespace TableFlow.Generators.Tests.CodeFixes;

public class FlowIgnoreCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixTest<FlowDeclarationAnalyzer, FlowIgnoreCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task Marks_the_property_FlowIgnore_on_its_own_line_above_its_doc_comment_and_attributes() => Verify("""
        using System;
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }

            /// <summary>Where the scan is archived.</summary>
            [Obsolete("use the archive")]
            public string? {|TF0007:ArchivePath|} { get; set; }
            public Stream {|TF0007:Log|} { get; } = Stream.Null;
        }
        """, """
        using System;
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }

            /// <summary>Where the scan is archived.</summary>
            [FlowIgnore]
            [Obsolete("use the archive")]
            public string? ArchivePath { get; set; }
            [FlowIgnore]
            public Stream Log { get; } = Stream.Null;
        }
        """);
}
