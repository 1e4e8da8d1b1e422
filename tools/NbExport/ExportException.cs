// A notebook that cannot be exported as asked; the message says what was expected and what was given.
namespace NbExport;

public sealed class ExportException(string message) : Exception(message);
