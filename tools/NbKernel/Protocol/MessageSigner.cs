// HMAC-SHA256 signatures of the four JSON parts of a message, as the Jupyter wire protocol defines them.
using System.Security.Cryptography;
using System.Text;

namespace NbKernel.Protocol;

/// <summary>
/// Signs header, parent_header, metadata and content (in that order) with the connection key and checks the
/// signatures of incoming messages in constant time. An empty key means the client disabled signing.
/// </summary>
internal sealed class MessageSigner(string key)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public bool Enabled => _key.Length > 0;

    /// <summary>The lower-case hex digest as ASCII bytes, or an empty frame when signing is disabled.</summary>
    public byte[] Sign(IReadOnlyList<byte[]> parts)
    {
        if (!Enabled)
        {
            return [];
        }
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        foreach (var part in parts)
        {
            hmac.AppendData(part);
        }
        return Encoding.ASCII.GetBytes(Convert.ToHexStringLower(hmac.GetHashAndReset()));
    }

    public bool Verify(byte[] signature, IReadOnlyList<byte[]> parts) =>
        !Enabled || CryptographicOperations.FixedTimeEquals(Sign(parts), signature);
}
