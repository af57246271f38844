namespace FreightOptimizer.Tests.Serialization;

/// <summary>
/// Where the public Canad network-design instances live: benchmarks/instances/network-design in
/// the repository (found by walking up from the test binaries to FreightOptimizer.sln), with the
/// MIP optima listed in that folder's README.
/// </summary>
internal static class NetworkDesignInstances
{
    public static string Directory { get; } = Find();

    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name + ".dow");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FreightOptimizer.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "benchmarks", "instances", "network-design");
            }
        }

        throw new DirectoryNotFoundException($"FreightOptimizer.sln was not found above {AppContext.BaseDirectory}.");
    }
}
