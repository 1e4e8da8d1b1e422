// Notebook runs share the process's console and current directory, so the runner's tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
