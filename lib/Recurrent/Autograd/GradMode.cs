// Whether operations record the autograd graph: on by default, off inside Torch.NoGrad(), per async flow.
namespace Recurrent.Autograd;

/// <summary>
/// torch's grad mode. PyTorch keeps it per thread; here it follows the async flow (an <see cref="AsyncLocal{T}"/>),
/// so a <c>using (Torch.NoGrad())</c> block that awaits inside a notebook cell stays in no-grad mode on whatever
/// thread it resumes, and never leaks into other cells or threads.
/// </summary>
internal static class GradMode
{
    private static readonly AsyncLocal<bool> Disabled = new();

    public static bool IsEnabled => !Disabled.Value;

    /// <summary>Disables recording until the returned scope is disposed, then restores the previous mode.</summary>
    public static IDisposable Disable() => new Scope(enabled: false);

    private sealed class Scope : IDisposable
    {
        private readonly bool _previouslyDisabled = Disabled.Value;
        private bool _disposed;

        public Scope(bool enabled) => Disabled.Value = !enabled;

        public void Dispose()
        {
            if (!_disposed)
            {
                Disabled.Value = _previouslyDisabled;
                _disposed = true;
            }
        }
    }
}
