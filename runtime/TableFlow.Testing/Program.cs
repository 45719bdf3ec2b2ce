using TableFlow.Testing.Cli;

return await EmulatorProgram.RunAsync(args, System.Console.Out, System.Console.Error, System.Threading.CancellationToken.None).ConfigureAwait(false);
