namespace Hubs.Server.Hosting;

/// <summary>The instance's data folder, created readable by the owner only.</summary>
public sealed class DataDirectory
{
    private DataDirectory(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public static DataDirectory Prepare(string configured)
    {
        var path = System.IO.Path.GetFullPath(configured, Directory.GetCurrentDirectory());
        CreatePrivate(path);
        return new DataDirectory(path);
    }

    /// <summary>Creates <paramref name="path"/> (mode 0700 on Unix) if it does not exist yet.</summary>
    public static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Writes a file only its owner can read (0600 on Unix), replacing any older one.</summary>
    public static void WritePrivateFile(string path, ReadOnlySpan<byte> content)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(content);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to new files; an existing file keeps its mode otherwise.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
