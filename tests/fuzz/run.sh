#!/usr/bin/env bash
# Fuzzes the scenario reader and the planner with SharpFuzz and AFL++ for a given time.
#
#   tests/fuzz/run.sh [SECONDS] [WORK_DIR]      # default: 1200 s, tests/fuzz/.work
#
# Installs what it needs (afl++ from Debian, the sharpfuzz instrumenter as a local .NET tool),
# publishes the target, instruments FreightOptimizer.dll, seeds a corpus with the repository's valid
# scenario files and the small mutations in seeds/, and runs afl-fuzz. Findings land in
# WORK_DIR/findings/default/{crashes,hangs}; replay them with
#   dotnet WORK_DIR/bin/FreightOptimizer.Fuzz.dll --replay WORK_DIR/findings/default/crashes
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-1200}"
work="${2:-$here/.work}"
mkdir -p "$work"

if ! command -v afl-fuzz >/dev/null; then
  apt-get update
  apt-get install -y afl++
fi

tools="$here/.tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"
fi

dotnet publish "$here/FreightOptimizer.Fuzz/FreightOptimizer.Fuzz.csproj" -c Release -o "$work/bin"
# Instruments the library in place: only its code reports coverage to AFL.
"$tools/sharpfuzz" "$work/bin/FreightOptimizer.dll"

corpus="$work/corpus"
rm -rf "$corpus"
mkdir -p "$corpus"
cp "$here"/seeds/*.seed "$corpus/"
cp "$root/src/FreightOptimizer/Corridors/russia-china-2023.json" "$corpus/"
cp "$root"/tests/crosscheck/probes/*.json "$corpus/"

# The machine is shared and has no core-dump handler or fixed CPU frequency to rely on; a solve may
# take up to the target's 2 s time limit plus the verifier, so the per-input timeout is generous.
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_NO_UI=1 AFL_AUTORESUME=1
export DOTNET_TieredPGO=0
afl-fuzz -i "$corpus" -o "$work/findings" -x "$here/scenario.dict" -t 20000 -m none -V "$seconds" \
  -- dotnet "$work/bin/FreightOptimizer.Fuzz.dll"

stats="$work/findings/default/fuzzer_stats"
[ -f "$stats" ] && grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|edges_found|saved_crashes|saved_hangs)' "$stats"
