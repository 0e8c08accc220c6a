namespace Hubs.Benchmarks.Servers;

public static class RepoLocator
{
    /// <summary>The folder holding Hubs.sln, searched upwards from the working and program folders.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Hubs.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Hubs.sln not found above the current or program folder.");
    }
}
