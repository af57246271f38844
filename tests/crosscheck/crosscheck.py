#!/usr/bin/env python3
"""Solve scenario files with GLPK (via scenario_to_lp.py) and with the library, and compare optima.

Usage: crosscheck.py [--planner CMD] [--work DIR] [--jobs N] [--tol 1e-6] FILE...

CMD is the command that runs the library's CorridorPlanner; " --scenario FILE --out DIR" is appended.
Prints one line per file and a summary; exits 1 if any file disagrees (status, or objective by more
than --tol relative), 0 otherwise.
"""

import argparse
import concurrent.futures
import json
import os
import shlex
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import scenario_to_lp  # noqa: E402


def glpk_solve(scenario, work, time_limit):
    base = os.path.join(work, os.path.splitext(os.path.basename(scenario))[0])
    lp, sol, log = base + ".lp", base + ".glpk.sol", base + ".glpk.log"
    try:
        with open(scenario, encoding="utf-8") as f:
            model = scenario_to_lp.build(json.load(f))
        with open(lp, "w", encoding="ascii", errors="replace") as f:
            model.write(f)
    except Exception as e:  # noqa: BLE001 - reported as a row of the table
        return "ConvertError", None, f"{type(e).__name__}: {e}"
    for f in (sol,):
        if os.path.exists(f):
            os.remove(f)
    # --mipgap 0: the exact optimum (GLPK's default too); --tmlim guards against a runaway search
    run = subprocess.run(["glpsol", "--lp", lp, "--mipgap", "0", "--tmlim", str(time_limit), "-w", sol],
                         capture_output=True, text=True)
    with open(log, "w") as f:
        f.write(run.stdout + run.stderr)
    out = run.stdout
    if "PROBLEM HAS NO PRIMAL FEASIBLE SOLUTION" in out or "PROBLEM HAS NO INTEGER FEASIBLE SOLUTION" in out \
            or "LP HAS NO PRIMAL FEASIBLE SOLUTION" in out:
        return "Infeasible", None, ""
    if "TIME LIMIT EXCEEDED" in out:
        return "TimeLimit", None, ""
    if run.returncode != 0 or not os.path.exists(sol):
        return "GlpkError", None, out.strip()[-300:]
    with open(sol) as f:
        for line in f:
            p = line.split()
            if p and p[0] == "s":
                if p[1] == "mip":
                    status = {"o": "Optimal", "f": "Feasible", "n": "Infeasible", "u": "Undefined"}[p[4]]
                    return status, (float(p[5]) if status in ("Optimal", "Feasible") else None), ""
                if p[1] == "bas":
                    prim, dual = p[4], p[5]
                    if prim == "f" and dual == "f":
                        return "Optimal", float(p[6]), ""
                    if prim in ("i", "n"):
                        return "Infeasible", None, ""
                    return f"Lp{prim}{dual}", None, ""
    return "GlpkError", None, "no status line"


def library_solve(scenario, work, planner):
    name = os.path.splitext(os.path.basename(scenario))[0]
    out = os.path.join(work, name + ".lib")
    os.makedirs(out, exist_ok=True)
    plan = os.path.join(out, "plan.json")
    if os.path.exists(plan):
        os.remove(plan)
    cmd = shlex.split(planner) + ["--scenario", scenario, "--out", out]
    run = subprocess.run(cmd, capture_output=True, text=True)
    with open(os.path.join(out, "stdout.txt"), "w") as f:
        f.write(run.stdout)
    with open(os.path.join(out, "stderr.txt"), "w") as f:
        f.write(run.stderr)
    if run.returncode == 2:
        return "Rejected", None, run.stderr.strip().replace("\n", " | ")[:400]
    if not os.path.exists(plan):
        return f"Exit{run.returncode}", None, run.stderr.strip()[-300:]
    with open(plan, encoding="utf-8") as f:
        p = json.load(f)
    verdict = ""
    v = p.get("verification")
    if v is not None and not v.get("passed", True):
        verdict = "verifier did not pass"
    return p.get("status"), p.get("objective"), verdict


def rel(a, b):
    return abs(a - b) / max(1.0, abs(a), abs(b))


def check(scenario, args):
    t0 = time.time()
    gs, go, gnote = glpk_solve(scenario, args.work, args.glpk_time_limit)
    t1 = time.time()
    ls, lo, lnote = library_solve(scenario, args.work, args.planner)
    t2 = time.time()
    if gs == "Optimal" and ls == "Optimal" and go is not None and lo is not None:
        d = rel(go, lo)
        ok = d <= args.tol
    else:
        d = None
        ok = gs == ls and gs == "Infeasible"
    return {"file": scenario, "glpk": gs, "glpkObjective": go, "library": ls, "libraryObjective": lo,
            "rel": d, "agree": ok, "note": (gnote + " " + lnote).strip(),
            "glpkSeconds": round(t1 - t0, 2), "librarySeconds": round(t2 - t1, 2)}


def fmt(v):
    return "-" if v is None else f"{v:.10g}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planner", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--tol", type=float, default=1e-6)
    ap.add_argument("--glpk-time-limit", type=int, default=120)
    ap.add_argument("--json", help="also write the results here")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    files = [os.path.abspath(f) for f in args.files]
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        results = list(ex.map(lambda f: check(f, args), files))
    width = max(len(os.path.basename(r["file"])) for r in results)
    print(f"{'file':<{width}}  {'GLPK':<11} {'GLPK objective':>20}  {'library':<11} {'library objective':>20}  "
          f"{'rel diff':>9}  verdict")
    for r in results:
        d = "-" if r["rel"] is None else f"{r['rel']:.1e}"
        verdict = "agree" if r["agree"] else "DISAGREE"
        print(f"{os.path.basename(r['file']):<{width}}  {r['glpk']:<11} {fmt(r['glpkObjective']):>20}  "
              f"{r['library'] or '-':<11} {fmt(r['libraryObjective']):>20}  {d:>9}  {verdict}"
              + (f"  ({r['note']})" if r["note"] else ""))
    agree = sum(r["agree"] for r in results)
    print(f"\n{agree} agree, {len(results) - agree} disagree, of {len(results)} files "
          f"({time.time() - start:.0f} s)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    return 0 if agree == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
