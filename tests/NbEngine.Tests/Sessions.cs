// Helpers that run cells in a fresh session (the user's package cache, so restores are shared with other runs).
using NbEngine.Execution;
using NbEngine.Notebooks;

namespace NbEngine.Tests;

internal static class Sessions
{
    public static NotebookSession New(string? directory = null, TimeSpan? timeout = null) => new(new SessionOptions
    {
        WorkingDirectory = directory ?? AppContext.BaseDirectory,
        CellTimeout = timeout,
    });

    /// <summary>Runs the cells in order and returns every result.</summary>
    public static async Task<IReadOnlyList<CellResult>> RunAll(params string[] cells)
    {
        using var session = New();
        var results = new List<CellResult>();
        foreach (var cell in cells)
        {
            results.Add(await session.ExecuteAsync(cell));
        }
        return results;
    }

    public static string Text(this CellOutput output) => output switch
    {
        StreamOutput s => s.Text,
        DisplayOutput d => string.Join("|", d.Data.Select(p => $"{p.Key}={p.Value}")),
        ErrorOutput e => e.EValue,
        _ => throw new ArgumentException($"unexpected output {output}"),
    };
}
