using System.Diagnostics;

namespace Console.Tests.Support;

/// <summary>
/// A size-limited file system of its own (tmpfs), so a test can fill a disk to the last byte and free it again without
/// touching the machine's disks. Mounting needs root (or CAP_SYS_ADMIN); <see cref="SmallDiskFactAttribute"/> skips
/// the test, saying why, where that is not allowed.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly string _filler;

    private SmallDisk(string path) => (Path, _filler) = (path, System.IO.Path.Combine(path, "filler"));

    public string Path { get; }

    /// <summary>Mounts a tmpfs of the given size on a fresh directory; throws with mount's own words when it cannot.</summary>
    public static SmallDisk Mount(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-disk", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, said) = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException($"mount -t tmpfs failed ({code}): {said}");
        }
        return new SmallDisk(path);
    }

    /// <summary>Why a size-limited file system cannot be mounted here, or null when it can.</summary>
    public static string? WhyNot()
    {
        if (!OperatingSystem.IsLinux()) return "a size-limited tmpfs needs Linux";
        try
        {
            using var probe = Mount(1);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
        {
            return "cannot mount a size-limited tmpfs here (needs root or CAP_SYS_ADMIN): " + e.Message;
        }
    }

    /// <summary>Takes every free byte with one file, as a full disk would be; answers how many bytes it took.</summary>
    public long Fill()
    {
        long written = 0;
        using var file = new FileStream(_filler, FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1);
        // Large blocks first, then smaller ones, down to a page, so not even a page is left over.
        foreach (var size in new[] { 1 << 20, 64 << 10, 4 << 10, 512 })
        {
            var block = new byte[size];
            while (true)
            {
                try
                {
                    file.Write(block);
                    file.Flush();
                    written += size;
                }
                catch (IOException)
                {
                    break;
                }
            }
        }
        return written;
    }

    /// <summary>Space returns: the filler goes.</summary>
    public void Free() => File.Delete(_filler);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static (int Code, string Said) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var said = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, said.Trim());
    }
}

/// <summary>A test that needs its own size-limited file system: skipped, with the reason, where none can be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> WhyNot = new(SmallDisk.WhyNot);

    public SmallDiskFactAttribute()
    {
        if (WhyNot.Value is { } reason) Skip = reason;
    }
}
