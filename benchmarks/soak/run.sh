#!/usr/bin/env bash
# Soak: 1,000 solves in one process (FreightOptimizer.Benchmarks' "soak" mode), printing the working
# set and the managed heap (after a forced full GC) at 100 solves, every 250, and at the end.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run --project "$repo/benchmarks/FreightOptimizer.Benchmarks" -c Release -- soak "${1:-1000}"
