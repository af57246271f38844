#!/usr/bin/env bash
# Consumption test: the library as a user gets it. Packs FreightOptimizer into a local folder feed,
# creates a fresh console project elsewhere that references the package by version (the local feed
# for FreightOptimizer, the default source for its dependencies), and runs a small program that
# solves a scenario built in code and the built-in corridor. Exits 0 only when both are Optimal with
# Verification.Passed and OptimalityCertified. Needs only the .NET SDK; restores everything itself.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
app="$work/consumer"

version="$(dotnet msbuild "$repo/src/FreightOptimizer/FreightOptimizer.csproj" -getProperty:Version)"
echo "consume: packing FreightOptimizer $version"
dotnet pack "$repo/src/FreightOptimizer/FreightOptimizer.csproj" -c Release -o "$feed" --nologo -v quiet
ls "$feed"

mkdir -p "$app"
cd "$app"
dotnet new console --name Consumer --output . --framework net10.0 >/dev/null
# Its own NuGet settings: the default source (for OR-Tools and the other dependencies) plus the local
# feed; a global packages folder of its own, so a cached FreightOptimizer of the same version from an
# earlier run cannot stand in for the package just packed.
dotnet new nugetconfig --output . >/dev/null
dotnet nuget add source "$feed" --name local-feed --configfile nuget.config >/dev/null
export NUGET_PACKAGES="$work/packages"
dotnet add package FreightOptimizer --version "$version" --no-restore >/dev/null

cat > Program.cs <<'CS'
using FreightOptimizer;
using FreightOptimizer.Corridors;

var network = new FreightNetworkBuilder()
    .AddCommodity("coal")
    .AddLocation("KUZBASS", LocationKind.Origin)
    .AddLocation("ZABAIKALSK", LocationKind.BorderCrossing, annualCapacityTonnes: 20_000_000)
    .AddLocation("HARBIN", LocationKind.Market)
    .AddRoute("kuzbass-zabaikalsk", "KUZBASS", "ZABAIKALSK", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 2_600 })
    .AddRoute("zabaikalsk-harbin", "ZABAIKALSK", "HARBIN", TransportMode.Rail, new Dictionary<CommodityId, double> { ["coal"] = 900 })
    .AddRoute("kuzbass-harbin-sea", "KUZBASS", "HARBIN", TransportMode.Sea, new Dictionary<CommodityId, double> { ["coal"] = 5_200 })
    .Build();
var small = new ScenarioBuilder(network)
    .AddSupply("KUZBASS", "coal", annualTonnes: 40_000_000, costPerTonne: 1_500)
    .AddDemand("HARBIN", "coal", annualTonnes: 25_000_000, unmetPenaltyPerTonne: 30_000)
    .Build();

var version = typeof(FreightPlanner).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
    .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
Console.WriteLine($"FreightOptimizer {version} (the package)");
var ok = true;
foreach (var (name, scenario) in new[] { ("small scenario built in code", small), ("built-in Russia–China corridor", RussiaChinaCorridor.Build()) })
{
    var result = FreightPlanner.Optimize(scenario);
    var v = result.Plan?.Verification;
    var good = result.Status == SolveStatus.Optimal && v is { Passed: true, OptimalityCertified: true };
    Console.WriteLine($"{name}: {result.Status} by {result.Report.Engine}, objective {result.Plan?.Objective:N0}, verification passed {v?.Passed}, certified {v?.OptimalityCertified} -> {(good ? "OK" : "FAIL")}");
    ok &= good;
}

return ok ? 0 : 1;
CS

dotnet build -c Release --nologo -v quiet
# The reference is the package, not the project: assert it before running.
grep -q '<PackageReference Include="FreightOptimizer" Version="'"$version"'"' Consumer.csproj
dotnet run -c Release --no-build
