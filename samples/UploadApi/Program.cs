using UploadApi;

// POST /reconciliations (a browser form: name, purchase_order, invoice) starts the reconciliation flow, streaming the
// files through; GET /reconciliations/{id} reads the run; / serves the form. With no TableFlow key configured
// (TableFlow:ApiKey, TableFlow__ApiKey, TABLEFLOW_API_KEY) it runs against the local emulator, which sends its signed
// webhooks to /webhooks/tableflow; GET /reconciliations lists the finished runs they report.
var app = await UploadApiApp.BuildAsync(args);
await app.RunAsync();
