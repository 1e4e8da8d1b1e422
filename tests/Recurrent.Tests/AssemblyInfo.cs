// Tests seed and draw from the process-wide generator, as PyTorch code does; running them one at a time keeps draws in order.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
