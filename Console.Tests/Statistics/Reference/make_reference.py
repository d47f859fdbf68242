#!/usr/bin/python3
"""Reference values for the statistics engine, from scipy and statsmodels, following docs/api.md "Statistics".

Run from this folder: /usr/bin/python3 make_reference.py  (Debian: python3-scipy, python3-statsmodels).
It rewrites reference.json, which Console.Tests/Statistics compares with to 1e-6.
"""
import json
import math

import numpy as np
from scipy import stats
from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest


def effect(value, low, high):
    return {"effect": value, "ciLow": low, "ciHigh": high}


def relative(mean_a, var_a, n_a, mean_b, var_b, n_b, quantile):
    value = (mean_b - mean_a) / abs(mean_a)
    se = math.sqrt(var_b / (n_b * mean_a ** 2) + var_a * mean_b ** 2 / (n_a * mean_a ** 4))
    return {"effect": value, "ciLow": value - quantile * se, "ciHigh": value + quantile * se, "se": se}


def bayes(rel):
    """Posterior Normal(effect, se^2): P(effect > 0) and E[max(0, effect)] / E[max(0, -effect)] by integration."""
    mu, se = rel["effect"], rel["se"]
    if se == 0:
        return (1.0 if mu > 0 else 0.0 if mu < 0 else 0.5), {"control": max(0.0, mu), "treatment": max(0.0, -mu)}
    posterior = stats.norm(mu, se)
    # expect() integrates numerically: an independent check of the closed form the engine uses.
    control = posterior.expect(lambda x: max(0.0, x), lb=0, ub=mu + 40 * se) if mu + 40 * se > 0 else 0.0
    treatment = posterior.expect(lambda x: max(0.0, -x), lb=mu - 40 * se, ub=0) if mu - 40 * se < 0 else 0.0
    # The closed form, which quad must agree with.
    r = mu / se
    closed_c = mu * stats.norm.cdf(r) + se * stats.norm.pdf(r)
    closed_t = -mu * stats.norm.cdf(-r) + se * stats.norm.pdf(r)
    assert abs(closed_c - control) < 1e-8 * max(1, abs(control)) and abs(closed_t - treatment) < 1e-8 * max(1, abs(treatment))
    return float(stats.norm.cdf(0, loc=-mu, scale=se)), {"control": closed_c, "treatment": closed_t}


def proportions(ca, cb, alpha):
    (na, xa), (nb, xb) = (ca["n"], ca["conversions"]), (cb["n"], cb["conversions"])
    pa, pb = xa / na, xb / nb
    pooled = (xa + xb) / (na + nb)
    if pooled in (0.0, 1.0):
        z, p = 0.0, 1.0  # statsmodels answers nan here; the engine defines equal all-0 or all-1 arms as z = 0
    else:
        z, p = proportions_ztest([xb, xa], [nb, na], value=0, alternative="two-sided", prop_var=False)
    q = stats.norm.ppf(1 - alpha / 2)
    low, high = confint_proportions_2indep(xb, nb, xa, na, method="wald", compare="diff", alpha=alpha)
    se = math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb)
    assert abs(low - (pb - pa - q * se)) < 1e-12 and abs(high - (pb - pa + q * se)) < 1e-12
    rel = relative(pa, pa * (1 - pa), na, pb, pb * (1 - pb), nb, q)
    chance, risk = bayes(rel)
    return {"controlRate": pa, "treatmentRate": pb, "z": float(z), "pValue": float(p),
            "absolute": effect(pb - pa, float(low), float(high)), "relative": rel,
            "chanceToWin": chance, "risk": risk}


def welch(ca, cb):
    va, vb = ca["sd"] ** 2 / ca["n"], cb["sd"] ** 2 / cb["n"]
    df = (va + vb) ** 2 / (va ** 2 / (ca["n"] - 1) + vb ** 2 / (cb["n"] - 1))
    return math.sqrt(va + vb), df


def means(ca, cb, alpha):
    t, p = stats.ttest_ind_from_stats(cb["mean"], cb["sd"], cb["n"], ca["mean"], ca["sd"], ca["n"], equal_var=False)
    se, df = welch(ca, cb)
    q = stats.t.ppf(1 - alpha / 2, df)
    d = cb["mean"] - ca["mean"]
    rel = relative(ca["mean"], ca["sd"] ** 2, ca["n"], cb["mean"], cb["sd"] ** 2, cb["n"], q)
    chance, risk = bayes(rel)
    return {"t": float(t), "df": df, "pValue": float(p), "absolute": effect(d, d - q * se, d + q * se),
            "relative": rel, "chanceToWin": chance, "risk": risk}


def sequential(effect_value, se, rel, n, alpha, tuning):
    """The mixture-SPRT interval and p-value with tuning N*, as written in docs/api.md."""
    rho = math.sqrt((-2 * math.log(alpha) + math.log(-2 * math.log(alpha) + 1)) / tuning)
    nr2 = n * rho ** 2

    def half(s):
        return math.sqrt(s ** 2 * n) * math.sqrt(2 * (nr2 + 1) / (n ** 2 * rho ** 2) * math.log(math.sqrt(nr2 + 1) / alpha))

    if se == 0:
        p = 1.0 if effect_value == 0 else 0.0
    else:
        s = effect_value ** 2 * n / se ** 2
        log_e = rho ** 2 * s / (2 * (nr2 + 1)) - 0.5 * math.log(nr2 + 1)
        p = min(1.0, math.exp(-log_e)) if log_e < 700 else 0.0
    h, hr = half(se), half(rel["se"])
    return {"pValue": p, "absolute": effect(effect_value, effect_value - h, effect_value + h),
            "relative": {"effect": rel["effect"], "ciLow": rel["effect"] - hr, "ciHigh": rel["effect"] + hr, "se": rel["se"]}}


def seq_proportions(ca, cb, alpha, tuning):
    fixed = proportions(ca, cb, alpha)
    pa, pb = fixed["controlRate"], fixed["treatmentRate"]
    se = math.sqrt(pa * (1 - pa) / ca["n"] + pb * (1 - pb) / cb["n"])
    return sequential(pb - pa, se, fixed["relative"], ca["n"] + cb["n"], alpha, tuning)


def seq_means(ca, cb, alpha, tuning):
    fixed = means(ca, cb, alpha)
    se, _ = welch(ca, cb)
    return sequential(cb["mean"] - ca["mean"], se, fixed["relative"], ca["n"] + cb["n"], alpha, tuning)


def srm(observed, weights):
    total = sum(observed)
    expected = [total * w / sum(weights) for w in weights]
    chi, p = stats.chisquare(observed, expected)
    return {"chiSquare": float(chi), "df": len(observed) - 1, "pValue": float(p)}


def sample_size(baseline, mde, kind, alpha, power, variants):
    p1 = baseline
    p2 = p1 * (1 + mde) if kind == "relative" else p1 + mde
    za, zb = stats.norm.ppf(1 - alpha / 2), stats.norm.ppf(power)
    n = math.ceil((za * math.sqrt(2 * p1 * (1 - p1)) + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p2 - p1) ** 2)
    return {"perVariant": n, "total": n * variants}


def sums_arm(values):
    values = np.asarray(values, dtype=float)
    return {"n": int(values.size), "sum": float(values.sum()), "sumSquares": float((values ** 2).sum())}


def stats_arm(values):
    values = np.asarray(values, dtype=float)
    return {"n": int(values.size), "mean": float(values.mean()), "sd": float(values.std(ddof=1))}


def cuped_case(name, rng, sizes, lift):
    """Per-user pre-period x and metric y; θ and the adjusted arms from the users themselves, not from the sums."""
    xs, ys = [], []
    for i, size in enumerate(sizes):
        x = rng.gamma(2.0, 30.0, size)
        y = 0.7 * x + rng.normal(20 + (lift if i > 0 else 0), 15, size)
        xs.append(x)
        ys.append(y)
    all_x, all_y = np.concatenate(xs), np.concatenate(ys)
    theta = np.cov(all_x, all_y, ddof=1)[0, 1] / np.var(all_x, ddof=1)
    adjusted = [y - theta * (x - all_x.mean()) for x, y in zip(xs, ys)]
    arms = [{"n": int(x.size), "sumY": float(y.sum()), "sumY2": float((y ** 2).sum()), "sumX": float(x.sum()),
             "sumX2": float((x ** 2).sum()), "sumXY": float((x * y).sum())} for x, y in zip(xs, ys)]
    adjusted_arms = [stats_arm(a) for a in adjusted]
    return {"name": name, "arms": arms,
            "expected": {"theta": float(theta), "arms": adjusted_arms,
                         "means": means(adjusted_arms[0], adjusted_arms[1], 0.05)}}


def arm(n, conversions):
    return {"n": n, "conversions": conversions}


def marm(n, mean, sd):
    return {"n": n, "mean": mean, "sd": sd}


def main():
    rng = np.random.default_rng(20261205)
    out = {"tolerance": 1e-6}

    prop_cases = [
        ("typical", arm(10000, 1000), arm(10000, 1100), 0.05),
        ("small", arm(50, 5), arm(40, 9), 0.05),
        ("zero treatment conversions", arm(200, 10), arm(150, 0), 0.05),
        ("equal arms", arm(1000, 100), arm(1000, 100), 0.05),
        ("n = 1 control", arm(1, 1), arm(10, 3), 0.05),
        ("alpha 0.1, treatment worse", arm(5000, 400), arm(5200, 380), 0.1),
        ("everyone converted", arm(20, 20), arm(30, 30), 0.05),
        ("large", arm(1000000, 31234), arm(1000000, 31890), 0.05),
        ("treatment certain, control rare", arm(500, 1), arm(400, 400), 0.01),
    ]
    out["proportions"] = [{"name": n, "control": a, "treatment": b, "alpha": al, "expected": proportions(a, b, al)}
                          for n, a, b, al in prop_cases]
    out["proportions"] += [
        {"name": "zero control conversions", "control": arm(100, 0), "treatment": arm(100, 3), "alpha": 0.05,
         "error": {"field": "control.conversions", "code": "control_mean_zero"}},
        {"name": "conversions above n", "control": arm(100, 3), "treatment": arm(100, 101), "alpha": 0.05,
         "error": {"field": "treatment.conversions", "code": "conversions_above_n"}},
        {"name": "negative n", "control": arm(-5, 0), "treatment": arm(100, 3), "alpha": 0.05,
         "error": {"field": "control.n", "code": "negative_count"}},
        {"name": "n = 0", "control": arm(100, 3), "treatment": arm(0, 0), "alpha": 0.05,
         "error": {"field": "treatment.n", "code": "too_few_observations"}},
    ]

    a_sums, b_sums = rng.exponential(80, 400), rng.exponential(88, 380)
    mean_cases = [
        ("typical", marm(1000, 50.0, 20.0), marm(1000, 52.0, 21.0), 0.05),
        ("unequal variances", marm(30, 10.5, 3.2), marm(45, 11.9, 6.1), 0.05),
        ("equal arms", marm(500, 7.25, 2.5), marm(500, 7.25, 2.5), 0.05),
        ("n = 2", marm(2, 5.0, 1.0), marm(2, 7.0, 1.5), 0.05),
        ("negative control mean", marm(100, -4.0, 2.0), marm(100, -3.0, 2.5), 0.05),
        ("control without spread", marm(50, 3.0, 0.0), marm(60, 3.4, 1.1), 0.1),
        ("revenue per user from data", stats_arm(a_sums), stats_arm(b_sums), 0.05),
    ]
    out["means"] = [{"name": n, "control": a, "treatment": b, "alpha": al, "expected": means(a, b, al)}
                    for n, a, b, al in mean_cases]
    # The same data sent as running sums: the engine derives mean and sd itself.
    out["means"].append({"name": "revenue per user as sums", "control": sums_arm(a_sums), "treatment": sums_arm(b_sums),
                         "alpha": 0.05, "expected": means(stats_arm(a_sums), stats_arm(b_sums), 0.05)})
    out["means"] += [
        {"name": "control mean 0", "control": marm(100, 0.0, 1.0), "treatment": marm(100, 0.5, 1.0), "alpha": 0.05,
         "error": {"field": "control.mean", "code": "control_mean_zero"}},
        {"name": "n = 1", "control": marm(1, 3.0, 0.0), "treatment": marm(100, 0.5, 1.0), "alpha": 0.05,
         "error": {"field": "control.n", "code": "too_few_observations"}},
        {"name": "no spread at all", "control": marm(10, 3.0, 0.0), "treatment": marm(10, 4.0, 0.0), "alpha": 0.05,
         "error": {"field": "treatment.sd", "code": "no_variance"}},
        {"name": "negative sd", "control": marm(10, 3.0, 1.0), "treatment": marm(10, 4.0, -1.0), "alpha": 0.05,
         "error": {"field": "treatment.sd", "code": "negative_spread"}},
    ]

    seq_p = [
        ("typical", arm(10000, 1000), arm(10000, 1100), 0.05, 5000),
        ("small tuning", arm(800, 80), arm(820, 95), 0.05, 100),
        ("equal arms", arm(1000, 100), arm(1000, 100), 0.05, 5000),
        ("strong effect", arm(50000, 1000), arm(50000, 2000), 0.05, 5000),
        ("everyone converted", arm(20, 20), arm(30, 30), 0.05, 5000),
    ]
    out["sequentialProportions"] = [{"name": n, "control": a, "treatment": b, "alpha": al, "tuning": tu,
                                     "expected": seq_proportions(a, b, al, tu)} for n, a, b, al, tu in seq_p]
    seq_m = [
        ("typical", marm(1000, 50.0, 20.0), marm(1000, 52.0, 21.0), 0.05, 5000),
        ("alpha 0.1, tuning 20000", marm(3000, 12.0, 9.0), marm(3100, 12.4, 9.5), 0.1, 20000),
        ("n = 2", marm(2, 5.0, 1.0), marm(2, 7.0, 1.5), 0.05, 5000),
    ]
    out["sequentialMeans"] = [{"name": n, "control": a, "treatment": b, "alpha": al, "tuning": tu,
                               "expected": seq_means(a, b, al, tu)} for n, a, b, al, tu in seq_m]

    srm_cases = [
        ("balanced", [5000, 5100], [50, 50]),
        ("three arms as shares", [1000, 1000, 2100], [0.25, 0.25, 0.5]),
        ("planted mismatch", [5000, 5600], [50, 50]),
        ("one empty arm", [0, 10], [50, 50]),
        ("uneven weights", [2012, 7988], [20, 80]),
    ]
    out["srm"] = [{"name": n, "observed": o, "weights": w, "expected": srm(o, w)} for n, o, w in srm_cases]
    out["srm"] += [
        {"name": "weights of another length", "observed": [10, 10], "weights": [30, 30, 40],
         "error": {"field": "weights", "code": "weights_mismatch"}},
        {"name": "weights not summing to 1 or 100", "observed": [10, 10], "weights": [50, 60],
         "error": {"field": "weights", "code": "weights_sum"}},
        {"name": "negative count", "observed": [10, -1], "weights": [50, 50],
         "error": {"field": "observed", "code": "negative_count"}},
    ]

    size_cases = [
        ("absolute two points", 0.10, 0.02, "absolute", 0.05, 0.8, 2),
        ("relative ten percent", 0.10, 0.10, "relative", 0.05, 0.8, 2),
        ("relative drop", 0.05, -0.2, "relative", 0.05, 0.8, 2),
        ("strict, three variants", 0.03, 0.005, "absolute", 0.01, 0.9, 3),
        ("half converting", 0.5, 0.01, "absolute", 0.05, 0.8, 2),
    ]
    out["sampleSize"] = [{"name": n, "baseline": b, "mde": m, "mdeKind": k, "alpha": al, "power": pw, "variants": v,
                          "expected": sample_size(b, m, k, al, pw, v)} for n, b, m, k, al, pw, v in size_cases]
    out["sampleSize"] += [
        {"name": "baseline 0", "baseline": 0.0, "mde": 0.01, "mdeKind": "absolute", "alpha": 0.05, "power": 0.8,
         "variants": 2, "error": {"field": "baseline", "code": "out_of_range"}},
        {"name": "target above 1", "baseline": 0.9, "mde": 0.2, "mdeKind": "absolute", "alpha": 0.05, "power": 0.8,
         "variants": 2, "error": {"field": "mde", "code": "target_rate_out_of_range"}},
        {"name": "no effect", "baseline": 0.2, "mde": 0.0, "mdeKind": "relative", "alpha": 0.05, "power": 0.8,
         "variants": 2, "error": {"field": "mde", "code": "zero_effect"}},
    ]

    out["cuped"] = [cuped_case("lift 5 on 2000 users", rng, [1000, 1000], 5.0),
                    cuped_case("no lift, uneven arms", rng, [300, 450], 0.0)]

    with open("reference.json", "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
