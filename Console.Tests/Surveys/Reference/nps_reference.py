#!/usr/bin/env python3
"""Reference NPS and 95 % interval for the fixture in nps_scores.csv, written to nps_expected.json.

Each response scores +100 (promoter, 9-10), 0 (passive, 7-8) or -100 (detractor, 0-6); NPS is their mean and the
interval is mean +/- z(0.975) * sqrt(sample variance / n), kept within -100..100. Uses scipy and numpy when they are
installed and the standard library otherwise; both give the same figures.
Run: python3 nps_reference.py  (from this folder)
"""
import csv, json, math, os

try:
    import numpy as np
    from scipy import stats
    Z = float(stats.norm.ppf(0.975))

    def mean_var(values):
        a = np.array(values, dtype=float)
        return float(a.mean()), float(a.var(ddof=1))
except ImportError:
    import statistics
    Z = statistics.NormalDist().inv_cdf(0.975)

    def mean_var(values):
        return statistics.fmean(values), statistics.variance(values)


def per_response(score):
    return 100.0 if score >= 9 else 0.0 if score >= 7 else -100.0


def nps(scores):
    values = [per_response(s) for s in scores]
    n = len(values)
    counts = {"promoters": sum(v > 0 for v in values), "passives": sum(v == 0 for v in values), "detractors": sum(v < 0 for v in values)}
    if n == 0:
        return {"responses": 0, **counts, "score": 0.0, "ciLow": -100.0, "ciHigh": 100.0}
    if n < 2:
        return {"responses": n, **counts, "score": values[0], "ciLow": -100.0, "ciHigh": 100.0}
    mean, var = mean_var(values)
    half = Z * math.sqrt(var / n)
    return {"responses": n, **counts, "score": mean, "ciLow": max(-100.0, mean - half), "ciHigh": min(100.0, mean + half)}


here = os.path.dirname(os.path.abspath(__file__))
groups = {}
with open(os.path.join(here, "nps_scores.csv"), newline="") as f:
    for row in csv.DictReader(f):
        groups.setdefault(row["group"], []).append(int(row["score"]))
result = {group: nps(scores) for group, scores in groups.items()}
with open(os.path.join(here, "nps_expected.json"), "w") as f:
    json.dump(result, f, indent=2, sort_keys=True)
    f.write("\n")
print(json.dumps(result, indent=2, sort_keys=True))
