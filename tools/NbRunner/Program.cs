// Entry point: hands the arguments to the command table and returns its exit code.
return await NbRunner.Cli.RunAsync(args, Console.Out, Console.Error);
