#!/usr/bin/env bash
# Cross-check the library's optima against GLPK solving an independent reading of the format.
#
#   tests/crosscheck/crosscheck.sh                 # the corridor, probes/ and cases/ files, 60 random files
#   tests/crosscheck/crosscheck.sh FILE...         # just these scenario files
#
# Environment: COUNT (random files, default 60), SEED (default 1), WIDE (extra random files with numbers
# over many magnitudes and twelve-period years, default 0), JOBS (parallel files, default 1),
# WORK (scratch folder, default a new temporary one; LP files, GLPK logs and plans are kept there).
# Exit code: 0 when every file agrees, 1 when any differs (status, or objective by > 1e-6 relative).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
COUNT="${COUNT:-60}"
SEED="${SEED:-1}"
JOBS="${JOBS:-1}"
WORK="${WORK:-$(mktemp -d /tmp/crosscheck.XXXXXX)}"
mkdir -p "$WORK"

if ! command -v glpsol >/dev/null 2>&1; then
    echo "glpsol not found: installing glpk-utils" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq glpk-utils >/dev/null
fi

echo "building the library's CorridorPlanner (Release)..." >&2
dotnet build -c Release "$ROOT/samples/CorridorPlanner" >"$WORK/build.log" 2>&1 \
    || { echo "build failed; see $WORK/build.log" >&2; exit 2; }

if [ "$#" -gt 0 ]; then
    FILES=("$@")
else
    python3 "$HERE/make_random_scenarios.py" --count "$COUNT" --seed "$SEED" --out "$WORK/random" >&2
    if [ "${WIDE:-0}" != 0 ]; then
        python3 "$HERE/make_random_scenarios.py" --wide --count "$WIDE" --seed "$SEED" --out "$WORK/random" >&2
    fi
    FILES=("$ROOT/src/FreightOptimizer/Corridors/russia-china-2023.json")
    shopt -s nullglob
    FILES+=("$HERE"/probes/*.json "$HERE"/cases/*.json)
    FILES+=("$WORK"/random/*.json)
fi

echo "work folder: $WORK" >&2
# Built once above, so each file runs the built program (--no-build) instead of re-checking the build.
exec python3 "$HERE/crosscheck.py" \
    --planner "dotnet run -c Release --no-build --project $ROOT/samples/CorridorPlanner --" \
    --work "$WORK" --jobs "$JOBS" --json "$WORK/results.json" "${FILES[@]}"
