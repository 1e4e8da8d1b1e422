// Ends the kernel when the client process that started it is gone, so a killed client leaves no orphan kernel.
using System.Diagnostics;

namespace NbKernel;

/// <summary>
/// jupyter_client passes its process id in <c>JPY_PARENT_PID</c> to kernels it owns (on Windows it passes a process
/// handle there instead, which is not watched).
/// </summary>
internal static class ParentWatch
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>Completes when the parent exits; never, when no parent was named.</summary>
    public static async Task ParentGoneAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || !int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) || pid <= 1)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(cancellationToken) && IsRunning(pid))
        {
        }
        KernelLog.Write($"the client process {pid} is gone; shutting down");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
