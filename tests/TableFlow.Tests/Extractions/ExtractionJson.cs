using System.Collections.Generic;
using System.Linq;

namespace TableFlow.Tests.Extractions;

/// <summary>
/// The extraction answers of both generations of the TableFlow pages, as documented (docs.tableflow.com and its Mintlify
/// mirror: upload-file, get-extractions, get-extraction, get-extraction-table-rows), and builders for larger ones.
/// </summary>
public static class ExtractionJson
{
    public const string Id = "uT2bJNWN75YPU95r";
    public const string TemplateId = "JlLZVabDjYWzu7C9";
    public const string OlderTemplateId = "f150a878-5c4e-4c8f-9a3b-2d1e0f6a7b8c";

    /// <summary>The newer pages' upload answer (16-character ids).</summary>
    public const string NewerUpload = """
        {"id":"uT2bJNWN75YPU95r","workspace_id":"dk4g1tUg1uHLs8YU","template_id":"JlLZVabDjYWzu7C9","status":"processing",
         "metadata":{"user_id":"123","reference":"INV-2023-04-15"},"created_at":1682366228,"updated_at":1682366228}
        """;

    /// <summary>The older pages' upload answer: a UUID template id, and metadata holding keys that were never sent.</summary>
    public const string OlderUpload = """
        {"id":"uT2bJNWN75YPU95r","workspace_id":"dk4g1tUg1uHLs8YU","template_id":"f150a878-5c4e-4c8f-9a3b-2d1e0f6a7b8c","status":"processing",
         "metadata":{"name":"April invoice","source":"email"},"created_at":1682366228,"updated_at":1682366228}
        """;

    /// <summary>The Mintlify get-extraction example (newer), with stats and template.</summary>
    public const string NewerGet = """
        {"id":"uT2bJNWN75YPU95r","workspace_id":"dk4g1tUg1uHLs8YU","template_id":"JlLZVabDjYWzu7C9","template_name":"Invoice Template",
         "file_name":"acme-invoice-apr2023.pdf","file_size":245872,
         "file_type":{"key":"document","extension":"pdf","mime_type":"application/pdf"},"status":"completed",
         "status_history":[{"status":"processing","time":1682366228,"message":"File uploaded"},
                           {"status":"completed","time":1682366240,"message":"Extraction completed"}],
         "created_at":1682366228,"updated_at":1682366240,
         "data":{"fields":{"values":{"invoice_number":"INV-20230415","total_amount":"1245.75"},"validations":{}},
          "tables":{"line_items":{"pagination":{"offset":0,"limit":100,"total":2,"next_offset":null,"filter":"all"},
           "rows":[{"index":0,"values":{"description":"Ergonomic Office Chair","quantity":"1","unit_price":"249.99","amount":"249.99"},"validations":{}},
                   {"index":1,"values":{"description":"Standing Desk","quantity":"2","unit_price":"497.88","amount":"995.76"},"validations":{}}]}}},
         "stats":{"fields":{"valid":5,"invalid":0,"total":5},"tables":{"line_items":{"rows":{"valid":2,"invalid":0,"total":2},"columns":{"total":4}}}},
         "template":{"id":"JlLZVabDjYWzu7C9","name":"Invoice Template","fields":[{"key":"invoice_number","name":"Invoice Number","data_type":"string"}],
          "tables":[{"key":"line_items","name":"Line Items","columns":[{"key":"description","name":"Description","data_type":"string"}]}]}}
        """;

    /// <summary>An older get-extraction answer: a UUID template id, no stats, no template, no filter in the pagination.</summary>
    public const string OlderGet = """
        {"id":"uT2bJNWN75YPU95r","workspace_id":"dk4g1tUg1uHLs8YU","template_id":"f150a878-5c4e-4c8f-9a3b-2d1e0f6a7b8c","template_name":"Invoice Template",
         "file_name":"acme-invoice-apr2023.pdf","file_size":245872,
         "file_type":{"key":"document","extension":"pdf","mime_type":"application/pdf"},"status":"completed",
         "status_history":[{"status":"processing","time":1682366228,"message":"File uploaded"},
                           {"status":"completed","time":1682366240,"message":"Extraction completed"}],
         "created_at":1682366228,"updated_at":1682366240,
         "data":{"fields":{"values":{"invoice_number":"INV-20230415","invoice_date":"2023-04-15","total_amount":"1245.75"},"validations":{}},
          "tables":{"line_items":{"pagination":{"offset":0,"limit":100,"total":150,"next_offset":100},
           "rows":[{"index":0,"values":{"description":"Ergonomic Office Chair","quantity":"1"},"validations":{}}]}}}}
        """;

    /// <summary>The get-extractions example: top-level counts, <c>file_info.file_type</c> a bare extension, metadata null.</summary>
    public const string List = """
        {"extractions":[{"id":"uT2bJNWN75YPU95r","status":"completed","template_id":"JlLZVabDjYWzu7C9","metadata":null,
                         "created_at":1682366228,"updated_at":1682366240,"file_info":{"file_name":"acme-invoice-apr2023.pdf","file_type":"pdf"}},
                        {"id":"pX9cLmN4qR7sT2vW","status":"processing","template_id":"JlLZVabDjYWzu7C9","metadata":{"reference":"INV-2023-04-16"},
                         "created_at":1682366300,"updated_at":1682366300,"file_info":{"file_name":"scan.png","file_type":"png"}}],
         "total":2,"limit":100,"offset":0}
        """;

    /// <summary>An extraction in a given status, with no data yet.</summary>
    public static string InStatus(string id, string status) => $$"""
        {"id":"{{id}}","workspace_id":"dk4g1tUg1uHLs8YU","template_id":"JlLZVabDjYWzu7C9","status":"{{status}}","created_at":1682366228,"updated_at":1682366228}
        """;

    /// <summary>A list item.</summary>
    public static string ListItem(string id) => $$$"""
        {"id":"{{{id}}}","status":"completed","template_id":"JlLZVabDjYWzu7C9","metadata":null,"created_at":1682366228,"updated_at":1682366240,
         "file_info":{"file_name":"{{{id}}}.pdf","file_type":"pdf"}}
        """;

    /// <summary>A page of the list, with its top-level counts.</summary>
    public static string ListPage(IEnumerable<string> ids, long total, int limit, long offset)
        => $$"""{"extractions":[{{string.Join(",", ids.Select(ListItem))}}],"total":{{total}},"limit":{{limit}},"offset":{{offset}}}""";

    /// <summary>A page of the rows endpoint for a table of <paramref name="total"/> rows: row i has quantity i, as a number when <paramref name="typed"/>.</summary>
    public static string RowsPage(int offset, int limit, int total, bool typed = false)
    {
        var end = System.Math.Min(offset + limit, total);
        var rows = Enumerable.Range(offset, end - offset).Select(i =>
            $$"""{"index":{{i}},"values":{"description":"Item {{i}}","quantity":{{(typed ? i.ToString() : $"\"{i}\"")}}},"validations":{{(i % 500 == 7 ? """{"quantity":[{"validate":"range","severity":"warn","message":"Quantity looks high"}]}""" : "{}")}}}""");
        var next = end < total ? end.ToString() : "null";
        return $$"""{"pagination":{"offset":{{offset}},"limit":{{limit}},"total":{{total}},"next_offset":{{next}},"filter":"all"},"rows":[{{string.Join(",", rows)}}]}""";
    }
}
