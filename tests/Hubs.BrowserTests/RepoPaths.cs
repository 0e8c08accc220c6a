using System.Reflection;

namespace Hubs.BrowserTests;

/// <summary>Locates the repository and the server built beside these tests.</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hubs.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hubs.sln not found above " + AppContext.BaseDirectory);
    }

    public static string ServerDll()
    {
        var configuration = typeof(RepoPaths).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";
        var dll = Path.Combine(Root(), "src", "Hubs.Server", "bin", configuration, "net10.0", "Hubs.Server.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException("Build src/Hubs.Server first (the test project references it).", dll);
    }
}
