#!/usr/bin/env python3
"""Solve the library's exported MPS and LP files with outside solvers and compare their optima with the
library's own.

Usage: export_check.py --planner CMD --work DIR [--json FILE] FILE...

CMD runs the library's CorridorPlanner; " --scenario FILE --out DIR --export-mps M --export-lp L" is
appended. Each file is then solved by every reader at hand: GLPK (glpsol --freemps, glpsol --lp),
Clp (MPS and LP; LPs only, Clp has no integers) and Cbc (MPS and LP). An optimum agrees when it is
within 1e-9 relative of the library's (1e-7 for a MIP, the library's default MIP gap); an infeasible
scenario agrees when the solver finds no solution either. Exits 1 if any reading disagrees.
"""

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys


def library(scenario, out, planner):
    os.makedirs(out, exist_ok=True)
    mps, lp = os.path.join(out, "model.mps"), os.path.join(out, "model.lp")
    for f in (mps, lp, os.path.join(out, "plan.json")):
        if os.path.exists(f):
            os.remove(f)
    cmd = shlex.split(planner) + ["--scenario", scenario, "--out", out, "--export-mps", mps, "--export-lp", lp]
    run = subprocess.run(cmd, capture_output=True, text=True)
    with open(os.path.join(out, "planner.log"), "w") as f:
        f.write(run.stdout + run.stderr)
    plan = os.path.join(out, "plan.json")
    if run.returncode == 2 or not os.path.exists(plan):
        return {"status": f"Exit{run.returncode}", "objective": None}, mps, lp
    with open(plan, encoding="utf-8") as f:
        p = json.load(f)
    return {"status": p.get("status"), "objective": p.get("objective")}, mps, lp


def glpk(path, kind, out):
    sol = path + f".glpk-{kind}.sol"
    if os.path.exists(sol):
        os.remove(sol)
    flag = "--freemps" if kind == "mps" else "--lp"
    run = subprocess.run(["glpsol", flag, path, "--mipgap", "0", "--tmlim", "300", "-w", sol],
                         capture_output=True, text=True)
    with open(sol + ".log", "w") as f:
        f.write(run.stdout + run.stderr)
    text = run.stdout
    if "NO PRIMAL FEASIBLE" in text or "NO INTEGER FEASIBLE" in text or "HAS NO FEASIBLE" in text:
        return "Infeasible", None
    if run.returncode != 0 or not os.path.exists(sol):
        return "Error", None
    with open(sol) as f:
        for line in f:
            p = line.split()
            if p[:2] == ["s", "mip"]:
                return ("Optimal", float(p[5])) if p[4] == "o" else ("Infeasible" if p[4] == "n" else p[4], None)
            if p[:2] == ["s", "bas"]:
                return ("Optimal", float(p[6])) if p[4] == "f" and p[5] == "f" else ("Infeasible" if p[4] in "in" else p[4] + p[5], None)
    return "Error", None


def clp(path):
    run = subprocess.run(["clp", path, "-solve"], capture_output=True, text=True)
    with open(path + ".clp.log", "w") as f:
        f.write(run.stdout + run.stderr)
    if "errors on input" in run.stdout or "Bad image" in run.stdout or "###" in run.stdout:
        return "ReadError", None
    m = re.search(r"^Optimal objective ([-+0-9.eE]+)", run.stdout, re.M)
    if m:
        return "Optimal", float(m.group(1))
    if re.search(r"infeasible", run.stdout, re.I):
        return "Infeasible", None
    return "Error", None


def cbc(path):
    run = subprocess.run(["cbc", path, "-ratio", "0", "-solve"], capture_output=True, text=True)
    with open(path + ".cbc.log", "w") as f:
        f.write(run.stdout + run.stderr)
    if "errors on input" in run.stdout or "Bad image" in run.stdout or "###" in run.stdout:
        return "ReadError", None
    if "Result - Optimal solution found" in run.stdout:
        m = re.search(r"^Objective value:\s+([-+0-9.eE]+)", run.stdout, re.M)
        return "Optimal", float(m.group(1))
    if re.search(r"infeasible", run.stdout, re.I):
        return "Infeasible", None
    # An LP: Cbc answers as Clp does.
    m = re.search(r"^Optimal objective ([-+0-9.eE]+)", run.stdout, re.M)
    if m:
        return "Optimal", float(m.group(1))
    return "Error", None


def rel(a, b):
    return abs(a - b) / max(1.0, abs(a), abs(b))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--planner", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--json")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    have = {tool: shutil.which(tool) is not None for tool in ("glpsol", "clp", "cbc")}
    rows, worst, bad = [], 0.0, 0
    header = f"{'file':<44} {'reader':<9} {'status':<10} {'objective':>24} {'library':>24} {'rel. diff':>9}"
    print(header)
    print("-" * len(header))
    for scenario in args.files:
        name = os.path.splitext(os.path.basename(scenario))[0]
        lib, mps, lp = library(os.path.abspath(scenario), os.path.join(args.work, name), args.planner)
        if not os.path.exists(mps):
            print(f"{name:<44} {'library':<9} {lib['status']:<10} (no model written)")
            continue
        with open(mps) as f:
            mip = "'INTORG'" in f.read()
        readers = []
        if have["glpsol"]:
            readers += [("glpk-mps", lambda: glpk(mps, "mps", args.work)), ("glpk-lp", lambda: glpk(lp, "lp", args.work))]
        if have["clp"] and not mip:
            readers += [("clp-mps", lambda: clp(mps)), ("clp-lp", lambda: clp(lp))]
        if have["cbc"]:
            readers += [("cbc-mps", lambda: cbc(mps)), ("cbc-lp", lambda: cbc(lp))]
        tol = 1e-7 if mip else 1e-9
        for reader, solve in readers:
            status, objective = solve()
            if status == "Optimal" and lib["status"] == "Optimal":
                d = rel(objective, lib["objective"])
                ok = d <= tol
                worst = max(worst, d)
            else:
                d = None
                ok = status == "Infeasible" and lib["status"] == "Infeasible"
            bad += 0 if ok else 1
            rows.append({"file": scenario, "reader": reader, "status": status, "objective": objective,
                         "library": lib["status"], "libraryObjective": lib["objective"], "rel": d, "agree": ok})
            shown = "-" if objective is None else f"{objective:.17g}"
            libshown = lib["status"] if lib["objective"] is None else f"{lib['objective']:.17g}"
            print(f"{name[:44]:<44} {reader:<9} {status:<10} {shown:>24} {libshown:>24} "
                  f"{'-' if d is None else f'{d:.1e}':>9}{'' if ok else '  DISAGREE'}")
    print()
    print(f"{len(rows)} readings, {len(rows) - bad} agree, {bad} disagree; largest relative difference {worst:.1e}"
          + ("" if all(have.values()) else f"; missing: {', '.join(t for t, h in have.items() if not h)}"))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
