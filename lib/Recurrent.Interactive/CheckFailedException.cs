// Thrown by Course.Check when a claim a notebook makes about its numbers is false.
namespace Recurrent.Interactive;

/// <summary>The claim that failed is the message, so the failing cell shows what was claimed.</summary>
public sealed class CheckFailedException(string claim) : Exception($"Check failed: {claim}");
