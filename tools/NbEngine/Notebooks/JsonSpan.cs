// A byte range of a notebook file, with the indentation of the line its JSON value starts on.
namespace NbEngine.Notebooks;

/// <summary>The bytes [<paramref name="Start"/>, <paramref name="Start"/> + <paramref name="Length"/>) of a value.</summary>
internal readonly record struct JsonSpan(int Start, int Length, string LineIndent);
