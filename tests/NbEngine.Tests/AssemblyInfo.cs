// Sessions share the process's console and current directory, so the engine's tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
