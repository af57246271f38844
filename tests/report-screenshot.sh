#!/usr/bin/env bash
# Regenerates the corridor's report and its screenshot, as docs/reports.md describes:
#   tests/report-screenshot.sh [OUT_DIR]   (default: out/report)
# Needs the .NET SDK and headless Chromium (Debian: apt-get install chromium).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/out/report}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
dotnet run --project "$root/samples/CorridorPlanner" -c Debug -- --budget-sweep 0:90e9:5e9 --out "$out" > "$out/corridor.txt"
chromium --headless --disable-gpu --no-sandbox --hide-scrollbars \
  --screenshot="$out/report.png" --window-size=1400,2400 "file://$out/report.html" 2> "$out/chromium.log"
echo "report: $out/report.html"
echo "screenshot: $out/report.png"
