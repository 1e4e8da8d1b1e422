// kernel_info_request: what the kernel is and the language it runs (C#, .cs, text/x-csharp).
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using NbKernel.Protocol;

namespace NbKernel.Handlers;

internal static class KernelInfo
{
    public const string LanguageName = "csharp";

    public static JsonObject Reply() => Replies.Ok(new JsonObject
    {
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = "nbkernel",
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = LanguageName,
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (Rnn.Notebooks): Roslyn scripting on .NET {Environment.Version} with the Polyglot C# kernel's semantics",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    });
}
