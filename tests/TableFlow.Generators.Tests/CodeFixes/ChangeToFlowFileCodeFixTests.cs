using System.Threading.Tasks;
using TableFlow.Generators.Analyzers;
using TableFlow.Generators.CodeFixes;

namespace TableFlow.Generators.Tests.CodeFixes;

public class ChangeToFlowFileCodeFixTests
{
    private static Task Verify(string source, string fixedSource)
        => CodeFixTest<FlowDeclarationAnalyzer, ChangeToFlowFileCodeFixProvider>.VerifyAsync(source, fixedSource);

    [Fact]
    public Task A_nullable_byte_array_becomes_a_nullable_FlowFile() => Verify("""
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public byte[]? {|TF0007:Receipt|} { get; }
        }
        """, """
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public FlowFile? Receipt { get; }
        }
        """);

    [Fact]
    public Task A_stream_with_an_initializer_becomes_a_get_only_FlowFile() => Verify("""
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class {|TF0003:Po|}
        {
            public Stream {|TF0007:Scan|} { get; } = Stream.Null; // the scanned order
            public string? {|TF0007:InvoicePdf|} => null;
        }
        """, """
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Scan { get; } // the scanned order
            public FlowFile? InvoicePdf { get; }
        }
        """);

    [Fact]
    public Task A_collection_of_files_becomes_a_list_of_FlowFile() => Verify("""
        using System.Collections.Generic;
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public List<FileInfo>? {|TF0007:Attachments|} { get; set; }
            public FileInfo[] {|TF0007:Pages|} { get; } = new FileInfo[0];
        }
        """, """
        using System.Collections.Generic;
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public IReadOnlyList<FlowFile>? Attachments { get; set; }
            public IReadOnlyList<FlowFile> Pages { get; }
        }
        """);

    [Fact]
    public Task Fix_all_changes_single_and_multiple_shapes_together() => Verify("""
        using System.Collections.Generic;
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public MemoryStream? {|TF0007:Scan|} { get; set; }
            public FileInfo[]? {|TF0007:Pages|} { get; }
            public byte[]? {|TF0007:Receipt|} { get; }
        }
        """, """
        using System.Collections.Generic;
        using System.IO;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public FlowFile Invoice { get; }
            public FlowFile? Scan { get; set; }
            public IReadOnlyList<FlowFile>? Pages { get; }
            public FlowFile? Receipt { get; }
        }
        """);

    [Fact]
    public Task Without_a_using_the_type_is_qualified_and_no_using_is_added() => Verify("""
        namespace Acme;

        [TableFlow.TableFlow("abc")]
        public partial class {|TF0003:Po|}
        {
            public byte[] {|TF0007:Receipt|} { get; } = new byte[0];
        }
        """, """
        namespace Acme;

        [TableFlow.TableFlow("abc")]
        public partial class Po
        {
            public TableFlow.FlowFile Receipt { get; }
        }
        """);
    [Fact]
    public Task FlowFile_collections_of_an_unsupported_shape_become_IReadOnlyList_of_FlowFile_with_fix_all() => Verify("""
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using TableFlow;

        [TableFlow("abc")]
        public partial class {|TF0003:Po|}
        {
            public List<FlowFile> {|TF0007:Pages|} { get; } = new();
            public ICollection<FlowFile>? {|TF0007:Collected|} { get; }
            public ImmutableArray<FlowFile> {|TF0007:Immutable|} { get; }
            public FlowFile[][]? {|TF0007:Jagged|} { get; }
            public HashSet<FlowFile>? {|TF0007:Set|} { get; }
        }
        """, """
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using TableFlow;

        [TableFlow("abc")]
        public partial class Po
        {
            public IReadOnlyList<FlowFile> Pages { get; }
            public IReadOnlyList<FlowFile>? Collected { get; }
            public IReadOnlyList<FlowFile> Immutable { get; }
            public IReadOnlyList<FlowFile>? Jagged { get; }
            public IReadOnlyList<FlowFile>? Set { get; }
        }
        """);
}
