// Entry point: `dotnet NbKernel.dll <connection file>`, as a kernelspec's argv starts it.
using NbKernel;
using NbKernel.Protocol;
using NetMQ;

if (args is not [var connectionFile])
{
    await Console.Error.WriteLineAsync($"usage: NbKernel <connection file> (expected one argument, got {args.Length})");
    return 2;
}
ConnectionInfo connection;
try
{
    connection = ConnectionInfo.Read(connectionFile);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"NbKernel: {e.Message}");
    return 2;
}
try
{
    return await KernelServer.RunAsync(connection);
}
catch (NetMQException e)
{
    await Console.Error.WriteLineAsync($"NbKernel: expected to bind the ports of {connectionFile}, but could not ({e.Message})");
    return 1;
}
finally
{
    // Lets ZeroMQ send what the closed sockets still hold (the shutdown reply), within their linger time.
    NetMQConfig.Cleanup(block: true);
}
