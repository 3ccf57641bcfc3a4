using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace IdeogramJobs.Storage.Local;

/// <summary>
/// Makes everything written to the image volume durable in one call: Linux's syncfs on the file system
/// holding the image root, which costs one journal commit however many files were written since the last.
/// Elsewhere there is no such call and each file is fsynced as it is written.
/// </summary>
internal static class LocalImageVolume
{
    /// <summary>True where <see cref="Sync"/> exists, so files may be written without an fsync of their own.</summary>
    public static bool SyncsWholeVolume => OperatingSystem.IsLinux();

    /// <summary>Syncs the file system that holds <paramref name="handle"/>'s file.</summary>
    /// <exception cref="IOException">The kernel reported a write error.</exception>
    public static void Sync(SafeFileHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (syncfs((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"syncfs of the image volume failed (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    // DllImport rather than LibraryImport: the generated marshalling needs unsafe code, which this project does not allow.
    [DllImport("libc", SetLastError = true)]
    private static extern int syncfs(int fd);
}
