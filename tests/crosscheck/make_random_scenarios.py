#!/usr/bin/env python3
"""Write small random scenario files (format v1) that are valid per the strictness rules of docs/scenario-format.md.

Usage: make_random_scenarios.py --count 60 --seed 1 --out DIR

Each file has at most 10 locations and exercises, at random: several commodities and periods,
closed (factor 0) and derated periods on routes and locations, location commodity restrictions,
handling costs, capacities sized to bind, minimum flows, soft and mustServe demands, per-period
supply and demand lines with their own costs and penalties, default penalty chains, and investments
of every kind (Binary, Modular, Continuous) with lead times, exclusive groups, prerequisites,
budgets and discount rates. Optional fields are sometimes written as null (= absent).
"""

import argparse
import json
import os
import random

KINDS_MID = ["Hub", "BorderCrossing", "Port"]
MODES = ["Rail", "Road", "Conveyor", "Pipeline", "InlandWaterway", "Sea"]
COMMODITY_IDS = ["coal", "oil", "chem"]


def maybe(rng, p):
    return rng.random() < p


def make(rng, index, wide=False):
    sc = {"formatVersion": 1, "name": f"random scenario {index}"}

    # periods: sometimes the default, sometimes fractions that do not sum to 1
    n_periods = rng.choice([1, 2, 3, 4, 12]) if wide else rng.choice([1, 1, 2, 2, 3, 4])
    if n_periods == 1 and maybe(rng, 0.5):
        periods = ["year"]
        fr = {"year": 1.0}
    else:
        periods = [f"p{i}" for i in range(n_periods)]
        style = rng.random()
        if style < 0.45:
            fr = {p: 1.0 / n_periods for p in periods}
        elif style < 0.75:
            fr = {p: rng.choice([0.1, 0.25, 0.4, 0.5]) for p in periods}
        else:
            fr = {p: rng.choice([0.5, 1.0, 1.5]) for p in periods}  # horizon of several years
        sc["periods"] = [{"id": p, "yearFraction": fr[p]} for p in periods]

    rate = rng.choice([None, None, 0.0, 0.05, 0.1, 0.12])
    if rate is not None:
        sc["discountRate"] = rate

    n_comm = rng.choice([1, 2, 2, 3, 3])
    comms = COMMODITY_IDS[:n_comm]
    sc["commodities"] = []
    for k in comms:
        c = {"id": k}
        if maybe(rng, 0.75):
            c["unmetPenaltyPerTonne"] = rng.choice([2000, 5000, 20000, 60000])
        elif maybe(rng, 0.2):
            c["unmetPenaltyPerTonne"] = None
        if maybe(rng, 0.3):
            c["name"] = k.upper()
        sc["commodities"].append(c)

    def availability():
        av = {}
        for p in periods:
            if maybe(rng, 0.3):
                av[p] = rng.choice([0, 0, 0.5, 0.8, 1] + ([0.37, 0.999, 1e-3] if wide else []))
        return av

    # locations
    n_loc = rng.randint(4, 10)
    n_orig = rng.randint(1, max(1, min(3, n_loc - 2)))
    n_mkt = rng.randint(1, max(1, min(3, n_loc - n_orig - 1)))
    n_mid = n_loc - n_orig - n_mkt
    origins = [f"O{i}" for i in range(n_orig)]
    mids = [f"H{i}" for i in range(n_mid)]
    markets = [f"M{i}" for i in range(n_mkt)]
    scale = rng.choice([1, 100, 10000, 1e6, 1e7]) if wide else rng.choice([1000, 10000, 100000])
    locs = {}
    for lid in origins + mids + markets:
        kind = "Origin" if lid in origins else "Market" if lid in markets else rng.choice(KINDS_MID)
        loc = {"id": lid, "kind": kind}
        if maybe(rng, 0.3):
            loc["country"] = rng.choice(["RU", "CN", "MN"])
            loc["latitude"] = round(rng.uniform(-90, 90), 3)
            loc["longitude"] = round(rng.uniform(-180, 180), 3)
        if maybe(rng, 0.6 if lid in mids else 0.25):
            loc["annualCapacityTonnes"] = rng.choice([0.3, 0.5, 1, 1.5, 2]) * scale
        if maybe(rng, 0.4):
            loc["handlingCostPerTonne"] = {k: rng.choice([0, 5, 10, 25, 40]) for k in comms if maybe(rng, 0.7)}
        if n_comm > 1 and maybe(rng, 0.25):
            loc["commodities"] = sorted(rng.sample(comms, rng.randint(1, n_comm - 1)), key=comms.index)
        elif maybe(rng, 0.1):
            loc["commodities"] = list(comms)
        av = availability() if maybe(rng, 0.3) else {}
        if av:
            loc["availability"] = av
        elif maybe(rng, 0.05):
            loc["availability"] = None
        if maybe(rng, 0.1):
            loc["source"] = "generated"
        locs[lid] = loc
    sc["locations"] = list(locs.values())

    def handled(lid):
        return locs[lid].get("commodities") or comms

    # routes: a layered corridor plus some random arcs (cycles and parallel routes included)
    pairs = []
    for o in origins:
        for h in rng.sample(mids, min(len(mids), rng.randint(1, 2))) if mids else []:
            pairs.append((o, h))
        if maybe(rng, 0.4) or not mids:
            pairs.append((o, rng.choice(markets)))
    for h in mids:
        pairs.append((h, rng.choice(markets)))
        if len(mids) > 1 and maybe(rng, 0.5):
            pairs.append((h, rng.choice([m for m in mids if m != h])))
    for _ in range(rng.randint(0, 3)):
        a, b = rng.sample(list(locs), 2)
        pairs.append((a, b))
    routes = []
    for i, (a, b) in enumerate(pairs):
        carry = [k for k in comms if maybe(rng, 0.8)] or [rng.choice(comms)]
        r = {"id": f"r{i}-{a}-{b}", "from": a, "to": b, "mode": rng.choice(MODES),
             "costPerTonne": {k: rng.choice([0, 10, 20, 35, 50, 80, 120, 200])
                              * (round(rng.uniform(0.01, 30), 3) if wide else 1) for k in carry}}
        if maybe(rng, 0.6):
            r["annualCapacityTonnes"] = rng.choice([0.2, 0.3, 0.5, 1, 2]) * scale
        if maybe(rng, 0.05):
            r["minAnnualTonnes"] = 0
        if maybe(rng, 0.3):
            r["distanceKm"] = rng.randint(10, 3000)
            r["transitDays"] = rng.randint(0, 12)
        av = availability() if maybe(rng, 0.3) else {}
        if av:
            r["availability"] = av
        routes.append(r)
    # minimum flows on one or two routes of some scenarios (a minimum needs a supply upstream and a
    # demand or a cycle downstream, so they are kept rare and small; some scenarios end up Infeasible)
    if maybe(rng, 0.3):
        outs = [r for r in routes if r["from"] in origins] or routes
        for r in rng.sample(outs, min(len(outs), rng.randint(1, 2))):
            cap = r.get("annualCapacityTonnes", scale)
            r["minAnnualTonnes"] = round(cap * rng.choice([0.05, 0.1, 0.3, 0.5]), 3)
            if len(periods) > 1 and maybe(rng, 0.6):
                p = rng.choice(periods)
                if maybe(rng, 0.5):
                    r.setdefault("availability", {})[p] = rng.choice([0, 0.5, 0.8])
                else:  # close or derate an end in one period: the minimum is waived there
                    end = locs[rng.choice([r["from"], r["to"]])]
                    av = end.get("availability") or {}
                    av[p] = rng.choice([0, 0.5])
                    end["availability"] = av
    sc["routes"] = routes

    # supplies at origins (and sometimes at a hub), demands at markets (and sometimes at a hub)
    supplies = []
    for o in origins + ([rng.choice(mids)] if mids and maybe(rng, 0.2) else []):
        for k in handled(o):
            if maybe(rng, 0.8):
                line = {"location": o, "commodity": k, "annualTonnes": rng.choice([0.5, 1, 2, 3]) * scale}
                if maybe(rng, 0.5):
                    line["costPerTonne"] = rng.choice([0, 5, 15, 30])
                if len(periods) > 1 and maybe(rng, 0.25):
                    line["period"] = rng.choice(periods)
                supplies.append(line)
                if maybe(rng, 0.15):  # a second line for the same location and commodity
                    extra = {"location": o, "commodity": k, "annualTonnes": rng.choice([0.2, 0.5]) * scale,
                             "costPerTonne": rng.choice([40, 60])}
                    if len(periods) > 1 and maybe(rng, 0.5):
                        extra["period"] = rng.choice(periods)
                    supplies.append(extra)
    sc["supplies"] = supplies

    demands = []
    for mk in markets + ([rng.choice(mids)] if mids and maybe(rng, 0.15) else []):
        for k in handled(mk):
            if maybe(rng, 0.75):
                line = {"location": mk, "commodity": k, "annualTonnes": rng.choice([0.3, 0.5, 1, 2]) * scale}
                r = rng.random()
                if r < 0.4:
                    line["unmetPenaltyPerTonne"] = rng.choice([300, 1000, 3000, 10000, 50000])
                elif r < 0.5:
                    line["unmetPenaltyPerTonne"] = None
                if maybe(rng, 0.06):
                    line["mustServe"] = True
                    line["annualTonnes"] = 0.1 * scale
                elif maybe(rng, 0.05):
                    line["mustServe"] = False
                if len(periods) > 1 and maybe(rng, 0.25):
                    line["period"] = rng.choice(periods)
                demands.append(line)
                if maybe(rng, 0.15):
                    extra = {"location": mk, "commodity": k, "annualTonnes": 0.2 * scale,
                             "unmetPenaltyPerTonne": rng.choice([100, 500, 2000])}
                    if len(periods) > 1 and maybe(rng, 0.5):
                        extra["period"] = rng.choice(periods)
                    demands.append(extra)
    sc["demands"] = demands

    # investments on capacitated targets
    targets = [("location", l["id"]) for l in sc["locations"] if l.get("annualCapacityTonnes") is not None]
    targets += [("route", r["id"]) for r in routes if r.get("annualCapacityTonnes") is not None]
    invs = []
    if targets and maybe(rng, 0.8):
        for j in range(rng.randint(2, 5)):
            kind = rng.choice(["Binary", "Modular", "Continuous", None])
            # mostly hubs and routes out of origins: the likeliest bottlenecks
            likely = [t for t in targets if t[1] in mids or (t[0] == "route" and t[1].split("-")[1] in origins)]
            tk, tid = rng.choice(likely if likely and maybe(rng, 0.7) else targets)
            inv = {"id": f"i{j}", tk: tid,
                   "addedAnnualCapacityTonnes": rng.choice([0.25, 0.5, 1, 2]) * scale,
                   "capitalCost": 0,
                   "lifetimeYears": rng.choice([5, 10, 20, 25, 30, 12.5])}
            inv["capitalCost"] = inv["addedAnnualCapacityTonnes"] * rng.choice([0, 100, 500, 1000, 2000, 5000, 20000])
            if kind is not None:
                inv["kind"] = kind
            if kind == "Binary" and maybe(rng, 0.3):
                inv["maxUnits"] = 1
            elif kind == "Modular" and maybe(rng, 0.7):
                inv["maxUnits"] = rng.randint(1, 4)
            elif kind == "Continuous" and maybe(rng, 0.7):
                inv["maxUnits"] = rng.choice([0.5, 1, 2.5, 3])
            elif maybe(rng, 0.1):
                inv["maxUnits"] = None
            if len(periods) > 1 and maybe(rng, 0.4):
                inv["firstPeriod"] = rng.choice(periods)
            if len(periods) > 1 and maybe(rng, 0.5):
                target = locs[tid] if tk == "location" else next(r for r in routes if r["id"] == tid)
                av = target.get("availability") or {}
                av[rng.choice(periods)] = rng.choice([0.5, 0.8])
                target["availability"] = av
            if maybe(rng, 0.3):
                inv["name"] = f"option {j}"
            invs.append(inv)
        # exclusive groups of two or more
        if len(invs) >= 2 and maybe(rng, 0.6):
            members = rng.sample(invs, rng.randint(2, min(3, len(invs))))
            for inv in members:
                inv["exclusiveGroup"] = "g1"
                if maybe(rng, 0.6):  # cheap, so that more than one would be worth building
                    inv["capitalCost"] = inv["addedAnnualCapacityTonnes"] * rng.choice([0, 50, 200])
        # prerequisites: only earlier, non-Continuous options (no cycles)
        for j, inv in enumerate(invs):
            cands = [p["id"] for p in invs[:j] if p.get("kind") != "Continuous"]
            if cands and maybe(rng, 0.4):
                inv["requires"] = rng.sample(cands, rng.randint(1, min(2, len(cands))))
        if maybe(rng, 0.5):
            total = sum(i["capitalCost"] * float(i.get("maxUnits") or 1) for i in invs)
            sc["budget"] = {"capitalCost": round(total * rng.choice([0, 0.2, 0.4, 0.6, 1.0]), 2)}
    if invs:
        sc["investments"] = invs
    elif maybe(rng, 0.1):
        sc["investments"] = []
    return sc


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--wide", action="store_true",
                    help="numbers over many magnitudes, twelve-period years, odd availability factors")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    for i in range(a.count):
        sc = make(rng, i, a.wide)
        path = os.path.join(a.out, f"random{'-wide' if a.wide else ''}-{a.seed}-{i:03d}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(sc, f, indent=1)
            f.write("\n")
    print(f"wrote {a.count} scenarios to {a.out}")


if __name__ == "__main__":
    main()
