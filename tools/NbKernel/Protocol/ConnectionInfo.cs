// The connection file a Jupyter client writes for a kernel: transport, address, five ports and the signing key.
using System.Text.Json;

namespace NbKernel.Protocol;

/// <summary>
/// What a kernel needs to open its sockets, read from the JSON file whose path the client passes as the
/// kernel's argument (<c>{connection_file}</c> in the kernelspec).
/// </summary>
internal sealed record ConnectionInfo(
    string Transport, string Ip, int ShellPort, int IOPubPort, int StdinPort, int ControlPort, int HeartbeatPort,
    string Key, string SignatureScheme)
{
    public static ConnectionInfo Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"expected a Jupyter connection file at {path}, but there is no such file", path);
        }
        return Parse(File.ReadAllText(path), path);
    }

    public static ConnectionInfo Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: expected a JSON connection file, got invalid JSON ({e.Message})", e);
        }
        using var _ = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{source}: expected a JSON object, got {root.ValueKind}");
        }
        var scheme = Text(root, "signature_scheme", "hmac-sha256", source);
        if (scheme is not "hmac-sha256")
        {
            throw new InvalidDataException($"{source}: expected signature_scheme hmac-sha256, got {scheme}");
        }
        return new ConnectionInfo(
            Text(root, "transport", "tcp", source), Text(root, "ip", "127.0.0.1", source),
            Port(root, "shell_port", source), Port(root, "iopub_port", source), Port(root, "stdin_port", source),
            Port(root, "control_port", source), Port(root, "hb_port", source),
            Text(root, "key", "", source), scheme);
    }

    /// <summary>The ZeroMQ address of a port, e.g. <c>tcp://127.0.0.1:5555</c> (ipc uses <c>ip-port</c> as its path).</summary>
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";

    private static string Text(JsonElement root, string name, string fallback, string source) =>
        !root.TryGetProperty(name, out var value) ? fallback
        : value.ValueKind == JsonValueKind.String ? value.GetString()!
        : throw new InvalidDataException($"{source}: expected \"{name}\" to be a string, got {value.GetRawText()}");

    private static int Port(JsonElement root, string name, string source) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt32(out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidDataException(
                $"{source}: expected \"{name}\" to be a port number, got {(root.TryGetProperty(name, out var v) ? v.GetRawText() : "nothing")}");
}
