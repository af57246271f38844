#!/usr/bin/env bash
# How far past a 1 s time limit, or a token cancelled 1 s into the solve, each engine returns
# (FreightOptimizer.Benchmarks' "interrupt" mode); HiGHS and OR-Tools' MinCostFlow, which cannot be
# interrupted, are cancelled while they run and their report's notes are printed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
dotnet run --project "$repo/benchmarks/FreightOptimizer.Benchmarks" -c Release -- interrupt "$repo/benchmarks/instances/network-design/c25_100_10_F_L_5.dow"
