namespace TableFlow.Generators.Tests.Definitions;

/// <summary>A tableflow.json with limits and odd keys, and the declarations the generator completes from it.</summary>
internal static class DefinitionSources
{
    public const string FlowId = "dk4g1tUg1uHLs8YU";

    /// <summary>The design's example flow (limits on two fields, a multi-file field with limits), and a flow with odd keys.</summary>
    public const string Json = """
        [
          {
            "id": "dk4g1tUg1uHLs8YU",
            "name": "PO to Invoice Reconciliation",
            "active": true,
            "file_input_config": {
              "file_fields": [
                { "key": "purchase_order", "name": "Purchase Order", "required": true, "file_types": ["pdf", "image"], "max_file_size": 1000 },
                { "key": "invoice", "name": "Invoice", "required": true, "file_types": ["pdf"] },
                { "key": "delivery_note", "name": "Delivery Note", "required": false },
                { "key": "attachments", "name": "Attachments", "required": false, "multiple": true, "file_types": ["pdf", "xlsx"], "max_file_size": 100 }
              ]
            }
          },
          {
            "id": "oddKeys",
            "file_input_config": {
              "file_fields": [
                { "key": "2nd page", "name": "Second <page> & \"more\"", "required": true },
                { "key": "run_async", "required": false },
                { "key": "Label", "required": false },
                { "key": "label", "required": false },
                { "key": "class", "required": false, "max_file_size": 5 },
                { "key": "scans", "name": "Scans", "required": true, "multiple": true }
              ]
            }
          }
        ]
        """;

    /// <summary>The same flows in the object form, beside the emulator's extraction templates.</summary>
    public static string ObjectForm => "{ \"templates\": [ { \"id\": \"JlLZVabDjYWzu7C9\", \"name\": \"Invoice Template\", \"fields\": [] } ], \"flows\": " + Json + " }";

    /// <summary>A declared class whose fields get the definition's limits.</summary>
    public const string Declared = """
        using System.Collections.Generic;
        using TableFlow;

        namespace Sample
        {
            [TableFlow("dk4g1tUg1uHLs8YU")]
            public partial class PoReconciliation
            {
                public FlowFile PurchaseOrder { get; }
                public FlowFile Invoice { get; }
                public FlowFile? DeliveryNote { get; }
                public IReadOnlyList<FlowFile>? Attachments { get; }
            }
        }
        """;

    /// <summary>The schema-first shape: no body at all.</summary>
    public const string SchemaFirst = """
        using TableFlow;

        namespace Sample
        {
            /// <summary>Reconciles a purchase order with its invoice.</summary>
            [TableFlow("dk4g1tUg1uHLs8YU")]
            public partial class PoReconciliation;
        }
        """;

    /// <summary>Schema-first with a body of other members, whose names the generated properties must not take.</summary>
    public const string SchemaFirstOddKeys = """
        using TableFlow;

        namespace Sample
        {
            /// <summary>A flow with odd keys.</summary>
            [TableFlow("oddKeys")]
            public partial class OddFlow
            {
                /// <summary>A label of the user's own.</summary>
                public string Label { get; } = "";
            }
        }
        """;
}
