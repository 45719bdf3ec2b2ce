using System.Collections.Generic;
using System.Linq;

namespace TableFlow.Generators.Tests.Templates;

/// <summary>Template declarations shared by the snapshot, compile, robustness and behaviour tests.</summary>
internal static class TemplateCases
{
    /// <summary>The design's invoice template: fields, a decimal, a date and a table of line items.</summary>
    public const string Invoice = """
        using System;
        using System.Collections.Generic;
        using TableFlow;

        namespace Sample
        {
            [TableFlowTemplate("JlLZVabDjYWzu7C9")]
            public partial class InvoiceData
            {
                public string? InvoiceNumber { get; }
                public decimal? TotalAmount { get; }
                public DateOnly? InvoiceDate { get; }
                [TemplateTable("line_items")] public IReadOnlyList<LineItem> LineItems { get; }
            }

            public sealed class LineItem
            {
                public string? Description { get; init; }
                public int? Quantity { get; init; }
                public decimal? UnitPrice { get; init; }
            }
        }
        """;

    /// <summary>Every supported type, nullable and not, with explicit keys, settable and init properties and a struct row.</summary>
    public const string AllTypes = """
        using System;
        using System.Collections.Generic;
        using TableFlow;

        namespace Sample.Types;

        [TableFlowTemplate("all-types_1")]
        public sealed partial record AllTypes
        {
            public string Text { get; }
            public string? MaybeText { get; init; }
            public byte Byte { get; set; }
            public sbyte? SByte { get; }
            public short Short { get; }
            public ushort? UShort { get; }
            public int Int { get; }
            public uint? UInt { get; }
            public long Long { get; }
            public ulong? ULong { get; }
            public float Float { get; }
            public double? Double { get; }
            public decimal Decimal { get; }
            public bool Flag { get; }
            public bool? MaybeFlag { get; }
            public DateOnly Date { get; }
            public DateTime? When { get; }
            public DateTimeOffset At { get; }
            [TemplateField("raw_value")] public ExtractedValue Raw { get; }
            public decimal Total => Decimal * 2;
            public IReadOnlyList<Cell>? Cells { get; }
            [TemplateTable] public IReadOnlyList<Entry> Entries { get; }
        }

        public struct Cell
        {
            [TemplateField("x")] public int Column { get; set; }
            public string? Note { get; set; }
            public bool Ok { get; init; }
            public int Ignored => 1;
        }

        public record Entry
        {
            public DateTimeOffset? At { get; init; }
            public ExtractedValue Raw { get; init; }
        }
        """;

    /// <summary>Nested in a partial class and struct inside a namespace, with a keyword name and no table.</summary>
    public const string Nested = """
        using TableFlow;

        namespace Acme.Billing
        {
            public partial class Outer
            {
                internal partial struct Group
                {
                    [TableFlowTemplate("tmpl")]
                    internal partial class Receipt
                    {
                        [TemplateField("class")] public string? @class { get; }
                        public int Count { get; }
                        public Receipt(int count) { Count = count; }
                    }
                }
            }
        }
        """;

    /// <summary>In the global namespace, compiled as C# 7.3 (no nullable annotations).</summary>
    public const string Legacy = """
        using TableFlow;

        [TableFlowTemplate("legacy")]
        public partial class LegacyTemplate
        {
            public string Number { get; }
            public int? Count { get; }
        }
        """;

    public static IEnumerable<object[]> Names() => new[] { nameof(Invoice), nameof(AllTypes), nameof(Nested), nameof(Legacy) }.Select(n => new object[] { n });

    public static string Get(string name) => name switch
    {
        nameof(Invoice) => Invoice,
        nameof(AllTypes) => AllTypes,
        nameof(Nested) => Nested,
        nameof(Legacy) => Legacy,
        _ => throw new KeyNotFoundException(name),
    };
}
