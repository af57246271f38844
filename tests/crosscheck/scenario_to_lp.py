#!/usr/bin/env python3
"""Write the optimisation model of a FreightOptimizer scenario file (format v1) in CPLEX LP format.

Written from the format's text alone (docs/scenario-format.md, and the model of docs/design.md),
not from the library's code, so that an exact MIP solver (GLPK) can check the library's optimum
against an independent reading.

Usage: scenario_to_lp.py SCENARIO.json OUT.lp [--map OUT.map.json]

The reading, sentence by sentence of the format:
  * periods default to one period "year" with yearFraction 1; horizon = sum of fractions.
  * availability: absent period = 1; factor 0 closes the route / location in that period.
  * a flow x[a,k,t] exists only where the route is open, both ends are open, both ends handle k
    (locations[].commodities, absent = all) and k is a key of routes[].costPerTonne.
  * route capacity:    sum_k x[a,k,t] <= frac*avail*(cap + sum added*units over investments live in t)
  * location capacity: sum_k (inflow + supply used)[n,k,t] <= frac*avail*(cap + ...)
  * minimum flow:      sum_k x[a,k,t] >= min*frac*avail, waived where route or an end is closed.
  * supply line: used <= annualTonnes*frac per period it applies to (period = that one only);
    cost per tonne used; none used at a closed location.
  * demand line: served + unmet = annualTonnes*frac; unmet pays the line's penalty, else the
    commodity's, else 1,000,000; mustServe fixes unmet to 0; at a closed location nothing is served.
  * balance at every open n,k,t: supply used + inflow - outflow = served.
  * handling: handlingCostPerTonne[k] * (inflow + supply used) of k.
  * costAdjustments: each adds costPerTonne to the route's cost (a "route" entry) or the location's
    handling cost (a "location" entry) of its commodity, or of every commodity when it names none;
    several for one element and commodity add up.
  * investments: Binary 0/1, Modular integer 0..maxUnits (default 1), Continuous real 0..maxUnits
    (default 1); capacity added from firstPeriod (default first) on; objective
    capitalCost*units*CRF*horizonYears; exclusiveGroup: at most one built (units > 0); requires: built
    only if every named option is built; budget: sum capitalCost*units <= budget.
  * generalised cost: a flow's cost per tonne adds valuePerTonne*transitDays/365*holdingRatePerYear
    (0 when one is absent) and gCO2e/tkm*distanceKm/1e6*carbonPricePerTonneCo2, the factor being the
    route's co2GramsPerTonneKm, else generalisedCost.emissionFactors[mode], else the format's default
    table; co2CapTonnes: sum over flows of gCO2e/tkm*distanceKm/1e6 * x <= cap (no distance: 0).
"""

import json
import math
import os
import sys

DEFAULT_PENALTY = 1_000_000.0

# docs/scenario-format.md, "Generalised cost": default gCO2e per tonne-km by mode.
DEFAULT_FACTORS = {"Rail": 11.3, "Road": 90.3, "InlandWaterway": 38.6, "Sea": 8.0, "Pipeline": 5.0, "Conveyor": 5.0}

# Deliberately WRONG readings, for mutation_check.py only: it measures whether the test scenarios
# are sharp enough to tell each of these from the reading above. Never set in a real cross-check.
MUTATIONS = {"capital-no-horizon", "capital-no-discount", "minflow-not-waived-at-ends",
             "handling-excludes-supply", "throughput-excludes-supply", "supply-scaled-by-availability",
             "investment-ignores-firstperiod", "investment-not-derated", "commodity-penalty-ignored",
             "no-mustserve", "closed-demand-free", "period-lines-every-period", "flows-at-closed-ends",
             "commodity-restrictions-ignored", "budget-ignored", "requires-ignored", "groups-ignored",
             "integers-relaxed", "minflow-not-derated", "demand-lines-first-penalty"}
MUT = {m for m in os.environ.get("CROSSCHECK_MUTATION", "").split(",") if m}
assert MUT <= MUTATIONS, MUT - MUTATIONS


def opt(obj, key, default=None):
    """An optional field: null means the same as absent."""
    v = obj.get(key)
    return default if v is None else v


def num(v):
    """A number as CPLEX LP text, full precision."""
    v = float(v)
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return repr(v)


def crf(rate, years):
    if rate == 0:
        return 1.0 / years
    g = (1.0 + rate) ** years
    return rate * g / (g - 1.0)


class Model:
    def __init__(self):
        self.cols = {}          # name -> description
        self.lo = {}
        self.hi = {}
        self.kind = {}          # name -> 'C' | 'I' | 'B'
        self.obj = {}           # name -> coefficient
        self.rows = []          # (name, {col: coef}, sense, rhs, description)
        self.infeasible_reasons = []

    def var(self, name, desc, lo=0.0, hi=None, kind="C"):
        assert name not in self.cols, name
        self.cols[name] = desc
        self.lo[name] = lo
        self.hi[name] = hi
        self.kind[name] = kind
        return name

    def cost(self, name, c):
        if c:
            self.obj[name] = self.obj.get(name, 0.0) + c

    def row(self, name, terms, sense, rhs, desc):
        terms = {k: v for k, v in terms.items() if v != 0}
        if not terms:
            ok = {"<=": 0 <= rhs, ">=": 0 >= rhs, "=": rhs == 0}[sense]
            if not ok:
                self.infeasible_reasons.append(f"{desc}: 0 {sense} {rhs}")
            return
        self.rows.append((name, terms, sense, rhs, desc))

    def write(self, out):
        w = out.write
        w("\\ written by tests/crosscheck/scenario_to_lp.py\n")
        w("Minimize\n obj:")
        terms = [(c, v) for c, v in self.obj.items() if v != 0]
        if not terms:
            # GLPK needs some objective text; a zero coefficient on any column will do.
            any_col = next(iter(self.cols), None)
            if any_col is None:
                self.var("dummy", "empty model", 0.0, 0.0)
                any_col = "dummy"
            w(f" 0 {any_col}")
        for i, (c, v) in enumerate(terms):
            w(f" {'-' if v < 0 else '+'} {num(abs(v))} {c}")
            if i % 6 == 5:
                w("\n")
        w("\nSubject To\n")
        for name, t, sense, rhs, desc in self.rows:
            w(f" \\ {desc}\n {name}:")
            for i, (c, v) in enumerate(t.items()):
                w(f" {'-' if v < 0 else '+'} {num(abs(v))} {c}")
                if i % 6 == 5:
                    w("\n")
            w(f" {sense} {num(rhs)}\n")
        if self.infeasible_reasons:
            self.var("infeasible", "row with no variables that cannot hold", 0.0, 0.0)
            for i, reason in enumerate(self.infeasible_reasons):
                w(f" \\ {reason}\n infeasible_{i}: + 1 infeasible >= 1\n")
        w("Bounds\n")
        for c in self.cols:
            lo, hi, k = self.lo[c], self.hi[c], self.kind[c]
            if k == "B":
                continue
            if hi is None:
                if lo != 0:
                    w(f" {c} >= {num(lo)}\n")
            elif lo == hi:
                w(f" {c} = {num(lo)}\n")
            else:
                w(f" {num(lo)} <= {c} <= {num(hi)}\n")
        gens = [c for c in self.cols if self.kind[c] == "I"]
        bins = [c for c in self.cols if self.kind[c] == "B"]
        if gens:
            w("General\n")
            for c in gens:
                w(f" {c}\n")
        if bins:
            w("Binary\n")
            for c in bins:
                w(f" {c}\n")
        w("End\n")


def build(sc):
    m = Model()
    periods = opt(sc, "periods") or [{"id": "year", "yearFraction": 1}]
    P = [p["id"] for p in periods]
    frac = {p["id"]: float(p["yearFraction"]) for p in periods}
    pindex = {p: i for i, p in enumerate(P)}
    horizon = sum(frac.values())
    rate = float(opt(sc, "discountRate", 0.0))

    commodities = sc["commodities"]
    K = [c["id"] for c in commodities]
    kpen = {c["id"]: opt(c, "unmetPenaltyPerTonne") for c in commodities}

    locs = {l["id"]: l for l in sc["locations"]}
    L = list(locs)
    routes = {r["id"]: r for r in sc["routes"]}
    R = list(routes)

    def avail(obj, t):
        factors = opt(obj, "availability") or {}
        v = factors.get(t)
        return 1.0 if v is None else float(v)

    def loc_open(n, t):
        return avail(locs[n], t) > 0

    def route_open(a, t):
        return avail(routes[a], t) > 0

    def handles(n, k):
        ks = opt(locs[n], "commodities")
        return ks is None or k in ks

    li = {n: i for i, n in enumerate(L)}
    ri = {a: i for i, a in enumerate(R)}
    ki = {k: i for i, k in enumerate(K)}
    ti = pindex

    # ---- investments -------------------------------------------------------------------------
    invs = opt(sc, "investments", []) or []
    y = {}
    inv_by_target = {}
    for j, inv in enumerate(invs):
        kind = opt(inv, "kind", "Binary")
        mx = float(opt(inv, "maxUnits", 1))
        name = f"y{j}"
        vk = {"Binary": "B", "Modular": "I", "Continuous": "C"}[kind]
        if "integers-relaxed" in MUT:
            vk = "C"
        if vk == "B":
            m.var(name, f"units of investment {inv['id']}", 0.0, 1.0, "B")
        else:
            m.var(name, f"units of investment {inv['id']}", 0.0, mx, vk)
        y[inv["id"]] = (name, kind, mx, inv)
        target = ("loc", inv["location"]) if opt(inv, "location") is not None else ("route", inv["route"])
        first = opt(inv, "firstPeriod", P[0])
        inv_by_target.setdefault(target, []).append((name, float(inv["addedAnnualCapacityTonnes"]), pindex[first]))
        m.cost(name, float(inv["capitalCost"]) * crf(0.0 if "capital-no-discount" in MUT else rate,
                                                     float(inv["lifetimeYears"]))
               * (1.0 if "capital-no-horizon" in MUT else horizon))

    # exclusive groups: at most one built (units > 0)
    groups = {}
    for inv in invs:
        g = opt(inv, "exclusiveGroup")
        if g is not None:
            groups.setdefault(g, []).append(inv["id"])
    for gi, (g, members) in enumerate(sorted(groups.items())):
        inds = {}
        for iid in members:
            name, kind, mx, _ = y[iid]
            if kind == "Binary" and "integers-relaxed" not in MUT:
                inds[name] = 1.0
            else:
                b = m.var(f"b{name}", f"{iid} is built", 0.0, 1.0, "B")
                m.row(f"built_{name}", {name: 1.0, b: -mx}, "<=", 0.0, f"{iid} units > 0 only if built")
                inds[b] = 1.0
        if "groups-ignored" not in MUT:
            m.row(f"group{gi}", inds, "<=", 1.0, f"exclusive group {g}: at most one built")

    # prerequisites: units_i > 0 only if units_j > 0 (j is Binary or Modular, so units_j >= 1 when built)
    for inv in invs:
        for req in [] if "requires-ignored" in MUT else opt(inv, "requires", []) or []:
            name, kind, mx, _ = y[inv["id"]]
            rname = y[req][0]
            m.row(f"req_{name}_{rname}", {name: 1.0, rname: -mx}, "<=", 0.0, f"{inv['id']} requires {req}")

    budget = opt(sc, "budget")
    if budget is not None and opt(budget, "capitalCost") is not None and "budget-ignored" not in MUT:
        m.row("budget", {y[i["id"]][0]: float(i["capitalCost"]) for i in invs}, "<=",
              float(budget["capitalCost"]), "budget")

    # ---- generalised cost --------------------------------------------------------------------
    gc = opt(sc, "generalisedCost") or {}
    holding = float(opt(gc, "holdingRatePerYear", 0.0) or 0.0)
    carbon = float(opt(gc, "carbonPricePerTonneCo2", 0.0) or 0.0)
    factors = dict(DEFAULT_FACTORS)
    factors.update({mode: float(v) for mode, v in (opt(gc, "emissionFactors") or {}).items()})
    values = {c["id"]: float(opt(c, "valuePerTonne", 0.0) or 0.0) for c in sc["commodities"]}

    def co2_per_tonne(r):
        km = opt(r, "distanceKm")
        if km is None:
            return 0.0
        g = opt(r, "co2GramsPerTonneKm")
        return (float(g) if g is not None else factors.get(r["mode"], 0.0)) * float(km) / 1e6

    def surcharge(r, k):
        days = opt(r, "transitDays")
        time = values[k] * float(days) / 365.0 * holding if days is not None else 0.0
        return time + co2_per_tonne(r) * carbon

    # ---- cost adjustments: (kind, id, commodity or None) -> amount per tonne --------------------
    adjust = {}
    for adj in opt(sc, "costAdjustments", []) or []:
        kind = "route" if "route" in adj else "location"
        key = (kind, adj[kind], opt(adj, "commodity"))
        adjust[key] = adjust.get(key, 0.0) + float(adj["costPerTonne"])

    def adjusted(kind, ident, k):
        return adjust.get((kind, ident, None), 0.0) + adjust.get((kind, ident, k), 0.0)

    # ---- flows -------------------------------------------------------------------------------
    x = {}  # (a,k,t) -> name
    for a in R:
        r = routes[a]
        for k, c in r["costPerTonne"].items():
            for t in P:
                if not (route_open(a, t) and ("flows-at-closed-ends" in MUT or (loc_open(r["from"], t) and loc_open(r["to"], t)))):
                    continue
                if not (handles(r["from"], k) and handles(r["to"], k)) and "commodity-restrictions-ignored" not in MUT:
                    continue
                name = m.var(f"x{ri[a]}_{ki[k]}_{ti[t]}", f"flow {a} {k} {t}")
                m.cost(name, float(c) + surcharge(r, k) + adjusted("route", a, k))
                x[(a, k, t)] = name

    cap_co2 = opt(sc, "co2CapTonnes")
    if cap_co2 is not None:
        terms = {v: co2_per_tonne(routes[a]) for (a, k, t), v in x.items() if co2_per_tonne(routes[a]) > 0}
        m.row("co2cap", terms, "<=", float(cap_co2), "CO2 cap")

    # ---- supplies ----------------------------------------------------------------------------
    s = {}  # (n,k,t) -> list of names
    for j, sup in enumerate(opt(sc, "supplies", []) or []):
        n, k = sup["location"], sup["commodity"]
        for t in P:
            if opt(sup, "period") is not None and sup["period"] != t and "period-lines-every-period" not in MUT:
                continue
            if not loc_open(n, t):
                continue  # no supply is used at a closed location
            name = m.var(f"s{j}_{ti[t]}", f"supply line {j} {n} {k} {t}", 0.0,
                         float(sup["annualTonnes"]) * frac[t]
                         * (avail(locs[n], t) if "supply-scaled-by-availability" in MUT else 1.0))
            m.cost(name, float(opt(sup, "costPerTonne", 0.0)))
            s.setdefault((n, k, t), []).append(name)

    # ---- demands -----------------------------------------------------------------------------
    d = {}  # (n,k,t) -> [(unmet var, wanted)]
    first_pen = {}
    for j, dem in enumerate(opt(sc, "demands", []) or []):
        n, k = dem["location"], dem["commodity"]
        pen = opt(dem, "unmetPenaltyPerTonne")
        if pen is None:
            pen = None if "commodity-penalty-ignored" in MUT else kpen.get(k)
        if pen is None:
            pen = DEFAULT_PENALTY
        must = bool(opt(dem, "mustServe", False)) and "no-mustserve" not in MUT
        for t in P:
            if opt(dem, "period") is not None and dem["period"] != t and "period-lines-every-period" not in MUT:
                continue
            wanted = float(dem["annualTonnes"]) * frac[t]
            if "demand-lines-first-penalty" in MUT:
                pen = first_pen.setdefault((n, k, t), pen)
            name = f"u{j}_{ti[t]}"
            if not loc_open(n, t):
                # nothing is served at a closed location: all of it is unmet
                if must and wanted > 0:
                    m.infeasible_reasons.append(f"mustServe demand {j} at closed {n} in {t}")
                    continue
                m.var(name, f"unmet line {j} {n} {k} {t} (closed)", wanted, wanted)
                m.cost(name, 0.0 if "closed-demand-free" in MUT else float(pen))
                continue
            m.var(name, f"unmet line {j} {n} {k} {t}", 0.0, 0.0 if must else wanted)
            m.cost(name, float(pen))
            d.setdefault((n, k, t), []).append((name, wanted))

    # ---- balance and handling ----------------------------------------------------------------
    inflow = {}
    outflow = {}
    for (a, k, t), name in x.items():
        inflow.setdefault((routes[a]["to"], k, t), []).append(name)
        outflow.setdefault((routes[a]["from"], k, t), []).append(name)

    for n in L:
        hcost = opt(locs[n], "handlingCostPerTonne", {}) or {}
        for k in K:
            for t in P:
                if not loc_open(n, t) or not handles(n, k):
                    continue
                terms = {}
                for v in s.get((n, k, t), []):
                    terms[v] = terms.get(v, 0.0) + 1.0
                for v in inflow.get((n, k, t), []):
                    terms[v] = terms.get(v, 0.0) + 1.0
                h = float(hcost.get(k, 0.0)) + adjusted("location", n, k)
                if h:
                    for v in [v for v in terms if not ("handling-excludes-supply" in MUT and v.startswith("s"))]:
                        m.cost(v, h)  # handling per tonne of throughput (inflow + supply used)
                for v in outflow.get((n, k, t), []):
                    terms[v] = terms.get(v, 0.0) - 1.0
                wanted = 0.0
                for u, wq in d.get((n, k, t), []):
                    terms[u] = terms.get(u, 0.0) + 1.0  # served = wanted - unmet
                    wanted += wq
                m.row(f"bal{li[n]}_{ki[k]}_{ti[t]}", terms, "=", wanted, f"balance {n} {k} {t}")

    # ---- capacities and minimum flows --------------------------------------------------------
    def cap_terms(target, t, cap):
        terms = {}
        for name, added, first in inv_by_target.get(target, []):
            if ti[t] >= first or "investment-ignores-firstperiod" in MUT:
                terms[name] = terms.get(name, 0.0) - added * frac[t] * (
                    1.0 if "investment-not-derated" in MUT else avail_of(target, t))
        return terms

    def avail_of(target, t):
        return avail(locs[target[1]] if target[0] == "loc" else routes[target[1]], t)

    for a in R:
        r = routes[a]
        cap = opt(r, "annualCapacityTonnes")
        mn = float(opt(r, "minAnnualTonnes", 0.0))
        for t in P:
            flows = {x[(a, k, t)]: 1.0 for k in r["costPerTonne"] if (a, k, t) in x}
            f = frac[t] * avail(r, t)
            if cap is not None and route_open(a, t):
                terms = dict(flows)
                terms.update(cap_terms(("route", a), t, cap))
                m.row(f"rcap{ri[a]}_{ti[t]}", terms, "<=", float(cap) * f, f"route capacity {a} {t}")
            if mn > 0 and route_open(a, t) and (
                    "minflow-not-waived-at-ends" in MUT or (loc_open(r["from"], t) and loc_open(r["to"], t))):
                m.row(f"rmin{ri[a]}_{ti[t]}", flows, ">=", mn * (frac[t] if "minflow-not-derated" in MUT else f),
                      f"minimum flow {a} {t}")

    for n in L:
        cap = opt(locs[n], "annualCapacityTonnes")
        if cap is None:
            continue
        for t in P:
            if not loc_open(n, t):
                continue
            terms = {}
            for k in K:
                for v in ([] if "throughput-excludes-supply" in MUT else s.get((n, k, t), [])) + inflow.get((n, k, t), []):
                    terms[v] = terms.get(v, 0.0) + 1.0
            terms.update(cap_terms(("loc", n), t, cap))
            m.row(f"lcap{li[n]}_{ti[t]}", terms, "<=", float(cap) * frac[t] * avail(locs[n], t),
                  f"location capacity {n} {t}")

    return m


def main(argv):
    args = argv[1:]
    map_out = None
    if "--map" in args:
        i = args.index("--map")
        map_out = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(args[0], encoding="utf-8") as f:
        sc = json.load(f)
    if sc.get("formatVersion") != 1:
        print(f"{args[0]}: formatVersion must be 1", file=sys.stderr)
        return 2
    m = build(sc)
    with open(args[1], "w", encoding="ascii", errors="replace") as f:
        m.write(f)
    if map_out:
        with open(map_out, "w", encoding="utf-8") as f:
            json.dump({"columns": m.cols, "objective": m.obj}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
