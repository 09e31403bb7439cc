using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class PatchLibTorchSharp : Task
{
    [Required] public string[] Directories { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        if (LibTorchSharpPatcher.SystemHasVersion()) return true;
        foreach (var directory in Directories)
        {
            if (!Directory.Exists(directory)) continue;
            foreach (var file in Directory.EnumerateFiles(directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
            {
                var outcome = LibTorchSharpPatcher.Patch(file);
                if (outcome == "patched")
                    Log.LogMessage(MessageImportance.High, "Patched GLIBCXX_3.4.32 need to weak in " + file);
            }
        }
        return true;
    }
}

// Marks the GLIBCXX_3.4.32 version need of libLibTorchSharp.so as weak (VER_FLG_WEAK) so the library loads on
// Debian 12, whose libstdc++ stops at GLIBCXX_3.4.30. The only symbol bound to that version is a GCC 13 link
// marker that is never called. See DESIGN.md §8. Idempotent; a no-op where the system libstdc++ has the version.

public static class LibTorchSharpPatcher
{
    private const string MissingVersion = "GLIBCXX_3.4.32";
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    public static bool SystemHasVersion()
    {
        foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib/x86_64-linux-gnu" })
        {
            var lib = Path.Combine(dir, "libstdc++.so.6");
            if (File.Exists(lib))
                return Contains(File.ReadAllBytes(lib), Encoding.ASCII.GetBytes(MissingVersion + "\0"));
        }
        return false;
    }

    /// <returns>"patched", "already-weak" or "no-need".</returns>
    public static string Patch(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException(path + ": not a little-endian ELF64 file");
        var shoff = (long)BitConverter.ToUInt64(bytes, 0x28);
        int shentsize = BitConverter.ToUInt16(bytes, 0x3A), shnum = BitConverter.ToUInt16(bytes, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var header = (int)(shoff + i * shentsize);
            if (BitConverter.ToUInt32(bytes, header + 4) != ShtGnuVerneed) continue;
            var offset = (int)BitConverter.ToUInt64(bytes, header + 24);
            var link = BitConverter.ToUInt32(bytes, header + 40);
            var needCount = BitConverter.ToUInt32(bytes, header + 44);
            var strtab = (int)BitConverter.ToUInt64(bytes, (int)(shoff + link * shentsize) + 24);
            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                var auxCount = BitConverter.ToUInt16(bytes, need + 2);
                var aux = need + (int)BitConverter.ToUInt32(bytes, need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(bytes, strtab + (int)BitConverter.ToUInt32(bytes, aux + 8));
                    if (name == MissingVersion)
                    {
                        var flags = BitConverter.ToUInt16(bytes, aux + 4);
                        if ((flags & VerFlagWeak) != 0) return "already-weak";
                        var patched = BitConverter.GetBytes((ushort)(flags | VerFlagWeak));
                        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                        {
                            stream.Position = aux + 4;
                            stream.Write(patched, 0, 2);
                        }
                        return "patched";
                    }
                    aux += (int)BitConverter.ToUInt32(bytes, aux + 12);
                }
                need += (int)BitConverter.ToUInt32(bytes, need + 12);
            }
        }
        return "no-need";
    }

    private static string ReadString(byte[] bytes, int start)
    {
        var end = start;
        while (bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
