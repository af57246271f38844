#!/usr/bin/env python3
"""How sharp are the test scenarios? For each deliberately wrong reading in scenario_to_lp.MUTATIONS,
count the files whose GLPK optimum (or status) it changes. A reading that changes none is one the
cross-check could not tell from the right one: the generator or cases/ should then exercise it.

Usage: mutation_check.py --work DIR FILE...
"""
import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import scenario_to_lp  # noqa: E402
from crosscheck import glpk_solve, rel  # noqa: E402


def solve_all(files, work, mutation):
    scenario_to_lp.MUT = {mutation} if mutation else set()
    try:
        return [glpk_solve(f, work, 60)[:2] for f in files]
    finally:
        scenario_to_lp.MUT = set()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    base = solve_all(a.files, a.work, "")
    print(f"{'wrong reading':<34} files it changes (of {len(a.files)})")
    blind = 0
    for mut in sorted(scenario_to_lp.MUTATIONS):
        got = solve_all(a.files, a.work, mut)
        changed = [os.path.basename(f) for f, b, g in zip(a.files, base, got)
                   if b[0] != g[0] or (b[1] is not None and g[1] is not None and rel(b[1], g[1]) > 1e-6)]
        blind += not changed
        print(f"{mut:<34} {len(changed):>3}  {' '.join(changed[:4])}{' ...' if len(changed) > 4 else ''}")
    return 1 if blind else 0


if __name__ == "__main__":
    sys.exit(main())
