using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace TableFlow.Generators.Tests.Infrastructure;

/// <summary>A declaration shape: its source and the lowest C# version that can express it.</summary>
internal sealed record FlowCase(string Name, string Source, LanguageVersion MinimumLanguage);

/// <summary>
/// The declaration shapes the generator must handle. Snapshot, compliance and robustness tests share them, so every
/// shape that is snapshotted is also compiled and cut into half-typed prefixes.
/// </summary>
internal static class FlowCases
{
    public static readonly FlowCase Seed = new(nameof(Seed), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("dk4g1tUg1uHLs8YU")]
            public partial class PoReconciliation
            {
                /// <summary>The purchase order, as a PDF.</summary>
                [FlowField(Guidance = "The PO number may include revision info like REV:0 at the end; extract only the base number.")]
                public FlowFile PurchaseOrder { get; }

                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase AllShapes = new(nameof(AllShapes), """
        using System.Collections.Generic;
        using TableFlow;

        namespace Sample
        {
            [TableFlow("shapes-1")]
            public partial class AllShapes
            {
                public FlowFile? DeliveryNote { get; }
                public FlowFile Invoice { get; }
                public IReadOnlyList<FlowFile> Pages { get; }
                public IReadOnlyList<FlowFile>? Attachments { get; }
                public IEnumerable<FlowFile> Scans { get; }
                public IEnumerable<FlowFile>? Photos { get; }
                public FlowFile[] Receipts { get; }
                public FlowFile[]? Appendices { get; }
                [FlowField("po", Guidance = "Quote \"this\", a back\\slash and a\nline break; <b>tags</b> & ampersands.")]
                public FlowFile PurchaseOrder { get; }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase GlobalNamespace = new(nameof(GlobalNamespace), """
        using TableFlow;

        [TableFlow("global-flow")]
        public partial class GlobalFlow
        {
            public FlowFile Invoice { get; }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase FileScopedNamespace = new(nameof(FileScopedNamespace), """
        using TableFlow;

        namespace Sample.Flows;

        [TableFlow("file-scoped")]
        public partial class FileScopedFlow
        {
            public FlowFile Invoice { get; }
        }
        """, LanguageVersion.CSharp10);

    public static readonly FlowCase NestedInClassAndStruct = new(nameof(NestedInClassAndStruct), """
        using TableFlow;

        namespace Sample
        {
            public static partial class Flows
            {
                internal partial struct Group
                {
                    [TableFlow("nested")]
                    public partial class Nested
                    {
                        public FlowFile Invoice { get; }
                    }
                }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase NestedInRecords = new(nameof(NestedInRecords), """
        using TableFlow;

        namespace Sample
        {
            public partial record Outer(int Id)
            {
                public partial record struct Inner
                {
                    [TableFlow("in-records")]
                    public partial class Nested
                    {
                        public FlowFile Invoice { get; }
                    }
                }
            }
        }
        """, LanguageVersion.CSharp10);

    public static readonly FlowCase InternalSealed = new(nameof(InternalSealed), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("internal-sealed")]
            internal sealed partial class InternalFlow
            {
                /// <summary>Chains to the generated constructor.</summary>
                public InternalFlow(TableFlowClient client, string label) : this(client) => Label = label;

                /// <summary>Not a file field.</summary>
                public string Label { get; } = "";

                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase KeywordNames = new(nameof(KeywordNames), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("keywords")]
            public partial class KeywordFlow
            {
                public FlowFile Class { get; }
                public FlowFile? Event { get; }
                public FlowFile @string { get; }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase CollidingNames = new(nameof(CollidingNames), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("collisions")]
            public partial class CollidingFlow
            {
                public FlowFile PurchaseOrder { get; }
                [FlowField("po_metadata_scan")]
                public FlowFile PurchaseOrderMetadata { get; }
                [FlowField("token")]
                public FlowFile CancellationToken { get; }
                [FlowField("title_page")]
                public FlowFile? Name { get; }
                [FlowField("metadata_sheet")]
                public FlowFile? Metadata { get; }
                public FlowFile Request { get; }
                public FlowFile Nameof { get; }
                private int _tableFlowClient = 0;
                public int ClientValue => _tableFlowClient;
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase RequiredOverride = new(nameof(RequiredOverride), """
        using TableFlow;

        #nullable disable
        namespace Sample
        {
            [TableFlow("legacy")]
            public partial class LegacyFlow
            {
                public FlowFile Invoice { get; }
                [FlowField(Required = false)]
                public FlowFile DeliveryNote { get; }
                [FlowField(Required = true)]
                public FlowFile Contract { get; }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase Ignored = new(nameof(Ignored), """
        using System.IO;
        using TableFlow;

        namespace Sample
        {
            [TableFlow("ignored")]
            public partial class IgnoringFlow
            {
                public FlowFile Invoice { get; }
                [FlowIgnore]
                public FlowFile? Draft { get; }
                [FlowIgnore]
                public Stream? Cache { get; set; }
                public static FlowFile? Shared { get; set; }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase DocSummaries = new(nameof(DocSummaries), """
        using System.Collections.Generic;
        using TableFlow;

        namespace Sample
        {
            [TableFlow("docs")]
            public partial class DocumentedFlow
            {
                /// <summary>
                /// The purchase order as a <see cref="FlowFile"/>, with
                /// <c>R&amp;D</c> codes; <see langword="null"/> never.
                /// </summary>
                public FlowFile PurchaseOrder { get; }

                /// <summary>Supporting pages &lt;scanned&gt;.</summary>
                /// <remarks>Not part of the parameter doc.</remarks>
                public IReadOnlyList<FlowFile>? Attachments { get; }

                // An ordinary comment is not documentation.
                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp8);

    public static readonly FlowCase CSharp73 = new(nameof(CSharp73), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("csharp-7-3")]
            public partial class LegacyLanguageFlow
            {
                public FlowFile Invoice { get; }
                [FlowField(Required = false)]
                public FlowFile DeliveryNote { get; }
            }
        }
        """, LanguageVersion.CSharp7_3);

    /// <summary>The dependency-injection shape: the client comes from the primary constructor, which the user's code reads too.</summary>
    public static readonly FlowCase PrimaryConstructor = new(nameof(PrimaryConstructor), """
        using System;
        using TableFlow;

        namespace Sample
        {
            [TableFlow("primary-ctor")]
            public sealed partial class PrimaryFlow(TableFlowClient client, TimeProvider clock)
            {
                /// <summary>When the flow object was made (initialized from the other parameter).</summary>
                public DateTimeOffset Created { get; } = clock.GetUtcNow();

                /// <summary>The user's own member captures the client parameter as well.</summary>
                public string Describe() => client.GetType().Name;

                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp12);

    /// <summary>The primary constructor's client also initializes the user's field: capturing it too would be CS9124.</summary>
    public static readonly FlowCase PrimaryConstructorInitializingAField = new(nameof(PrimaryConstructorInitializingAField), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("primary-field")]
            public partial class FieldFlow(TableFlowClient client)
            {
                private readonly TableFlowClient _client = client;

                /// <summary>The client, through the user's own field.</summary>
                public TableFlowClient Client => _client;

                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp12);

    /// <summary>The primary constructor's client also goes to the base constructor: capturing it too would be CS9107.</summary>
    public static readonly FlowCase PrimaryConstructorPassedToBase = new(nameof(PrimaryConstructorPassedToBase), """
        using TableFlow;

        namespace Sample
        {
            /// <summary>A user's base service.</summary>
            public abstract class Service(TableFlowClient client)
            {
                /// <summary>The client.</summary>
                protected TableFlowClient Api { get; } = client;
            }

            [TableFlow("primary-base")]
            public partial class ServiceFlow(TableFlowClient client) : Service(client)
            {
                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp12);

    /// <summary>A positional record: its client parameter is also its <c>Client</c> property.</summary>
    public static readonly FlowCase PositionalRecord = new(nameof(PositionalRecord), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("record-flow")]
            public partial record RecordFlow(TableFlowClient Client)
            {
                public FlowFile Invoice { get; }
                public FlowFile? Attachment { get; }
            }
        }
        """, LanguageVersion.CSharp9);

    /// <summary>A record without a parameter list gets the generated constructor, as a class does.</summary>
    public static readonly FlowCase PlainRecord = new(nameof(PlainRecord), """
        using TableFlow;

        namespace Sample
        {
            [TableFlow("plain-record")]
            public sealed partial record PlainRecordFlow
            {
                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp9);

    /// <summary>Names that differ only in letter case, which Roslyn's hint names do not tell apart by themselves.</summary>
    public static readonly FlowCase CaseOnlyDifferentNames = new(nameof(CaseOnlyDifferentNames), """
        using TableFlow;

        namespace Acme
        {
            [TableFlow("po-upper")]
            public partial class POFlow { public FlowFile Invoice { get; } }

            [TableFlow("po-mixed")]
            public partial class PoFlow { public FlowFile Invoice { get; } }
        }

        namespace Acme.Billing
        {
            [TableFlow("billing-upper")]
            public partial class X { public FlowFile Invoice { get; } }
        }

        namespace Acme.billing
        {
            [TableFlow("billing-lower")]
            public partial class X { public FlowFile Invoice { get; } }
        }
        """, LanguageVersion.CSharp8);

    /// <summary>A base class with a member named like the generated client field and a RunAsync overload with other parameters.</summary>
    public static readonly FlowCase DerivedFromBase = new(nameof(DerivedFromBase), """
        using System.Threading.Tasks;
        using TableFlow;

        namespace Sample
        {
            /// <summary>A user's base class.</summary>
            public abstract class FlowBase
            {
                /// <summary>Named like the generated field, which must not hide it.</summary>
                protected int _tableFlowClient = 1;

                /// <summary>An overload with other parameters: not hidden by the generated RunAsync.</summary>
                public virtual Task<FlowRun>? RunAsync(string path) => null;
            }

            [TableFlow("derived")]
            public partial class DerivedFlow : FlowBase
            {
                public FlowFile Invoice { get; }
            }
        }
        """, LanguageVersion.CSharp8);

    /// <summary>Every case, for theories.</summary>
    public static readonly IReadOnlyList<FlowCase> All = new[]
    {
        Seed, AllShapes, GlobalNamespace, FileScopedNamespace, NestedInClassAndStruct, NestedInRecords, InternalSealed,
        KeywordNames, CollidingNames, RequiredOverride, Ignored, DocSummaries, CSharp73,
        PrimaryConstructor, PrimaryConstructorInitializingAField, PrimaryConstructorPassedToBase, PositionalRecord, PlainRecord,
        CaseOnlyDifferentNames, DerivedFromBase,
    };

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static FlowCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>Case names as xunit theory data.</summary>
    public static IEnumerable<object[]> Names => All.Select(c => new object[] { c.Name });
}
