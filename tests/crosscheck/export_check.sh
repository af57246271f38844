#!/usr/bin/env bash
# Solve the library's exported MPS and LP files with GLPK, Clp and Cbc, and compare their optima with
# the library's (not part of `dotnet test`: CI has none of these solvers).
#
#   tests/crosscheck/export_check.sh                 # the corridor, the corridor without investments, probes/
#   tests/crosscheck/export_check.sh FILE...         # just these scenario files
#
# Environment: WORK (scratch folder, default a new temporary one; models, solver logs and plans are
# kept there). Exit code: 0 when every reading agrees, 1 when any differs.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${WORK:-$(mktemp -d /tmp/export-check.XXXXXX)}"
mkdir -p "$WORK"

missing=()
command -v glpsol >/dev/null 2>&1 || missing+=(glpk-utils)
command -v clp >/dev/null 2>&1 || missing+=(coinor-clp)
command -v cbc >/dev/null 2>&1 || missing+=(coinor-cbc)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "installing ${missing[*]}" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "building the library's CorridorPlanner (Release)..." >&2
dotnet build -c Release "$ROOT/samples/CorridorPlanner" >"$WORK/build.log" 2>&1 \
    || { echo "build failed; see $WORK/build.log" >&2; exit 2; }

if [ "$#" -gt 0 ]; then
    FILES=("$@")
else
    # The corridor as an LP too (no investments, no budget), so that Clp, which has no integers, reads it.
    python3 - "$ROOT/src/FreightOptimizer/Corridors/russia-china-2023.json" "$WORK/russia-china-2023-lp.json" <<'EOF'
import json, sys
scenario = json.load(open(sys.argv[1], encoding="utf-8"))
scenario.pop("investments", None)
scenario.pop("budget", None)
scenario["name"] = scenario.get("name", "") + " (no investments)"
json.dump(scenario, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOF
    FILES=("$ROOT/src/FreightOptimizer/Corridors/russia-china-2023.json" "$WORK/russia-china-2023-lp.json")
    shopt -s nullglob
    FILES+=("$HERE"/probes/*.json)
fi

echo "work folder: $WORK" >&2
exec python3 "$HERE/export_check.py" \
    --planner "dotnet run -c Release --no-build --project $ROOT/samples/CorridorPlanner --" \
    --work "$WORK" --json "$WORK/results.json" "${FILES[@]}"
