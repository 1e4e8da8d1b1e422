// Kernels, nbconvert and the interrupt timing share two cores with the rest of the suite: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
