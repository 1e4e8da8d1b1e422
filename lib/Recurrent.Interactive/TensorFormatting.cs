// Registers text/plain formatters so a notebook's trailing tensor or shape prints as PyTorch prints it.
using Microsoft.DotNet.Interactive.Formatting;

namespace Recurrent.Interactive;

/// <summary>
/// Call <see cref="Register"/> once in a notebook's setup cell. Afterwards a trailing <c>output</c> shows
/// <c>tensor([[…]])</c> and <c>output.Shape</c> shows <c>torch.Size([4, 5, 2])</c>, stored as text/plain, in
/// the Polyglot C# kernel and in NbRunner alike (both format values through Microsoft.DotNet.Interactive.Formatting).
/// </summary>
public static class TensorFormatting
{
    public static void Register()
    {
        Formatter.Register<Tensor>((tensor, writer) => writer.Write(tensor.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(Tensor), PlainTextFormatter.MimeType);
        Formatter.Register<TensorShape>((shape, writer) => writer.Write(shape.ToString()), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(TensorShape), PlainTextFormatter.MimeType);
    }
}
