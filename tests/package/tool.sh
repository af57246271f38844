#!/usr/bin/env bash
# Tool test: freightopt as a user gets it. Packs the FreightOptimizer.Cli .NET tool into a local folder
# feed, installs it from there into a temporary tool path, and runs what docs/cli.md promises:
# --version, solve on the built-in corridor (exit 0, Optimal, verification PASSED), validate on the
# corridor's file (exit 0) and on a broken file it writes (exit 2, naming each issue's code and path).
# Exits 0 only when all of that holds. Needs only the .NET SDK; restores everything itself.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
feed="$work/feed"
tools="$work/tools"

version="$(dotnet msbuild "$repo/src/FreightOptimizer.Cli/FreightOptimizer.Cli.csproj" -getProperty:Version)"
echo "tool: packing FreightOptimizer.Cli $version"
dotnet pack "$repo/src/FreightOptimizer.Cli/FreightOptimizer.Cli.csproj" -c Release -o "$feed" --nologo -v quiet
ls "$feed"

# A global packages folder of its own, so a cached package of the same version cannot stand in for
# the one just packed.
export NUGET_PACKAGES="$work/packages"
dotnet tool install FreightOptimizer.Cli --tool-path "$tools" --add-source "$feed" --version "$version"
freightopt="$tools/freightopt"
[ -x "$freightopt" ] || { echo "tool: $freightopt was not installed"; exit 1; }

expect() { # expect CODE FILE PATTERN...: the last run's exit code and what its output must contain
  local code="$1" file="$2"; shift 2
  [ "$status" -eq "$code" ] || { echo "tool: exit code $status, expected $code"; cat "$file"; exit 1; }
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$file" || { echo "tool: '$pattern' not in the output"; cat "$file"; exit 1; }
  done
}

status=0; "$freightopt" --version > "$work/version.txt" 2>&1 || status=$?
expect 0 "$work/version.txt" "freightopt $version"
cat "$work/version.txt"

status=0; "$freightopt" solve > "$work/solve.txt" 2>&1 || status=$?
expect 0 "$work/solve.txt" "Status: Optimal" "Verification: PASSED" "optimality CERTIFIED"
grep -E '^(Status|Objective|Verification):' "$work/solve.txt"
if grep -q $'\e\[' "$work/solve.txt"; then echo "tool: ANSI codes in redirected output"; exit 1; fi

status=0; "$freightopt" validate "$repo/src/FreightOptimizer/Corridors/russia-china-2023.json" > "$work/valid.txt" 2>&1 || status=$?
expect 0 "$work/valid.txt" "valid (39 locations"
cat "$work/valid.txt"

cat > "$work/broken.json" <<'JSON'
{ "formatVersion": 1, "commodities": [ { "id": "coal" } ],
  "locations": [ { "id": "A", "kind": "Origin" }, { "id": "B", "kind": "Market" } ],
  "routes": [ { "id": "a-b", "from": "A", "to": "C", "mode": "Rail", "costPerTonne": { "coal": -1 } } ] }
JSON
status=0; "$freightopt" validate "$work/broken.json" > "$work/broken.txt" 2>&1 || status=$?
expect 2 "$work/broken.txt" "UnknownReference at \$.routes[0].to" "Negative at \$.routes[0].costPerTonne.coal"
cat "$work/broken.txt"
echo "tool: freightopt $version installed from the local feed and run: OK"
