// Marks one symbol-version requirement of an ELF shared library as weak, so ld.so loads it without that version.
using System.Buffers.Binary;
using System.Text;

namespace Recurrent.Bench;

/// <summary>
/// TorchSharp's libLibTorchSharp.so lists <c>GLIBCXX_3.4.32</c> among the versions it needs from libstdc++.so.6, which
/// Debian 12's libstdc++ does not define, so dlopen fails, although no relocation uses a symbol of that version.
/// In ELF, each needed version is a Vernaux entry in the <c>.gnu.version_r</c> section; setting its
/// <c>VER_FLG_WEAK</c> (0x2) flag tells ld.so a missing version is not an error. This patches the copy in the
/// benchmark's output folder in place (idempotent), never the NuGet cache.
/// </summary>
internal static class ElfVersionPatch
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Returns true when the file now marks <paramref name="version"/> weak (patched now or before).</summary>
    public static bool MakeVersionWeak(string path, string version)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException($"{path}: expected a little-endian 64-bit ELF file");
        }
        var sections = (long)U64(elf, 0x28);                     // e_shoff
        int entrySize = U16(elf, 0x3a), count = U16(elf, 0x3c);   // e_shentsize, e_shnum
        for (var s = 0; s < count; s++)
        {
            var header = (int)(sections + s * entrySize);
            if (U32(elf, header + 4) != ShtGnuVerneed)             // sh_type
            {
                continue;
            }
            var offset = (int)U64(elf, header + 0x18);            // sh_offset
            var needCount = (int)U32(elf, header + 0x2c);         // sh_info: number of Verneed entries
            var strings = (int)U64(elf, (int)(sections + U32(elf, header + 0x28) * entrySize) + 0x18);  // sh_link → .dynstr offset
            return PatchNeeds(path, elf, offset, needCount, strings, version);
        }
        throw new InvalidDataException($"{path}: no .gnu.version_r section");
    }

    private static bool PatchNeeds(string path, byte[] elf, int need, int needCount, int strings, string version)
    {
        for (var n = 0; n < needCount; n++)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
            var aux = need + (int)U32(elf, need + 8);
            for (var a = 0; a < U16(elf, need + 2); a++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                if (CString(elf, strings + (int)U32(elf, aux + 8)) == version)
                {
                    var flags = U16(elf, aux + 4);
                    if ((flags & VerFlgWeak) == 0)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(aux + 4), (ushort)(flags | VerFlgWeak));
                        File.WriteAllBytes(path, elf);
                    }
                    return true;
                }
                aux += (int)U32(elf, aux + 12);
            }
            need += (int)U32(elf, need + 12);
        }
        return false;
    }

    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at));

    private static ulong U64(byte[] b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at));

    private static string CString(byte[] b, int at) => Encoding.ASCII.GetString(b, at, Array.IndexOf(b, (byte)0, at) - at);
}
