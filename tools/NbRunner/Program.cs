// Entry point: hands the arguments to the command table and exits with its exit code.
// Environment.Exit, not a return from Main: a return waits for every foreground thread, and a cell may leave one
// running for ever (new Thread(() => Thread.Sleep(Timeout.Infinite)).Start()); the run must end when its notebooks do.
Environment.Exit(await NbRunner.Cli.RunAsync(args, Console.Out, Console.Error));
