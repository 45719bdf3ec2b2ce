using System;
using System.Threading;
using BatchReconciliation;
using Spectre.Console;

// Reconciles every PO-<n>.pdf / INV-<n>.pdf pair in documents/ (or --documents DIR), a few at a time, through one client.
// With a key configured (TableFlow:ApiKey, TableFlow__ApiKey, TABLEFLOW_API_KEY) it calls the API; without, the local emulator.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
return await BatchApp.RunAsync(args, AnsiConsole.Console, cancel.Token);
