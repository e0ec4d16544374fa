"""Load Pathways HDF5 results into pandas, and draw the recidivism curves.

Layout of the files: results/README.md. Needs h5py, pandas and (for plotting)
matplotlib; on Debian use /usr/bin/python3, which has them.

    from pathways_results import load_cumulative
    cum = load_cumulative("results/baseline.h5")

Command line:

    /usr/bin/python3 results/pathways_results.py results/baseline.h5 [--scenario NAME] [--plot out.png]

Only the replicates actually written (attribute ``replicates_written``) are
returned, so a partially written ``.h5.part`` file can be read too.

Any results file -- one ``pathways run`` or a ``pathways compare`` experiment --
loads into tidy DataFrames in one call::

    from pathways_results import load_experiment
    ex = load_experiment("results/compare.h5")
    ex["cumulative"]    # scenario, replicate, group, outcome, month, pct
    ex["differences"]   # scenario vs baseline: measure, group, period, mean, lo, hi (compare files)
    ex["treated"]       # effect on the treated and benefit-cost per participant (compare files)
    ex["posterior"]     # one row per particle: parameters, weight, distance (calibration files)
"""

import argparse
import sys

import h5py
import numpy as np
import pandas as pd

OUTCOMES = ("arrest", "conviction", "return_prison")
OUTCOME_LABELS = {
    "arrest": "First arrest",
    "conviction": "First arrest leading to conviction",
    "return_prison": "First return to prison",
}


def _text(value):
    """HDF5 strings come back from h5py as bytes; return str."""
    if isinstance(value, (bytes, np.bytes_)):
        return value.decode("utf-8")
    return str(value)


def _strings(dataset):
    return [_text(v) for v in dataset[()]]


def scenarios(path):
    """Names of the scenarios stored in a results file."""
    with h5py.File(path, "r") as f:
        return list(f["scenarios"].keys())


def _group(f, scenario):
    names = list(f["scenarios"].keys())
    if scenario is None:
        if len(names) != 1:
            raise ValueError(f"{f.filename}: holds scenarios {names}; pass scenario=")
        scenario = names[0]
    if scenario not in f["scenarios"]:
        raise KeyError(f"{f.filename}: no scenario {scenario!r} (has {names})")
    return f["scenarios"][scenario]


def _reps(g):
    return int(g.attrs["replicates_written"])


def info(path, scenario=None):
    """File and scenario attributes as a dict (strings decoded)."""
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        out = {k: _text(v) if isinstance(v, (bytes, np.bytes_, str)) else v.item() for k, v in f.attrs.items()}
        out.update({k: _text(v) if isinstance(v, (bytes, np.bytes_, str)) else v.item() for k, v in g.attrs.items()})
        out["scenario"] = g.name.rsplit("/", 1)[-1]
        return out


def parameters(path, scenario=None):
    """The parameter table: path, value, unit, default, description, source."""
    with h5py.File(path, "r") as f:
        p = _group(f, scenario)["parameters"]
        cols = ["path", "value", "unit", "default", "description", "source"]
        return pd.DataFrame({c: _strings(p[c]) for c in cols})


def load_weekly(path, scenario=None):
    """Weekly series: one row per (replicate, week), one column per series."""
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        reps, weeks = _reps(g), int(g.attrs["weeks"])
        data = {
            "replicate": np.repeat(np.arange(reps), weeks),
            "week": np.tile(np.arange(weeks), reps),
        }
        for name, ds in g["weekly"].items():
            data[name] = ds[:reps, :].reshape(-1)
        return pd.DataFrame(data)


def weekly_descriptions(path, scenario=None):
    """{series: description} from the attributes of the weekly datasets."""
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        return {name: _text(ds.attrs.get("description", "")) for name, ds in g["weekly"].items()}


def load_cumulative(path, scenario=None):
    """Cumulative percent by month, long format: replicate, group, outcome, month, pct."""
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        reps, months = _reps(g), int(g.attrs["months"])  # months may be 0: the matrix then has 1 dummy column
        frames = []
        for group in _strings(g["groups"]):
            for outcome in OUTCOMES:
                m = g["cumulative_pct"][group][outcome][:reps, :months]
                frames.append(pd.DataFrame({
                    "replicate": np.repeat(np.arange(reps), months),
                    "group": group,
                    "outcome": outcome,
                    "month": np.tile(np.arange(1, months + 1), reps),
                    "pct": m.reshape(-1),
                }))
        return pd.concat(frames, ignore_index=True)


def group_sizes(path, scenario=None):
    """Persons per reporting group: one row per replicate, one column per group."""
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        sizes = g["group_size"][:_reps(g), :]
        df = pd.DataFrame(sizes, columns=_strings(g["groups"]))
        df.index.name = "replicate"
        return df


def load_persons(path, scenario=None, replicate=0):
    """The per-person table of one replicate (written for replicate 0 by default)."""
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        key = f"replicate_{replicate}"
        if key not in g["persons"]:
            have = sorted(g["persons"].keys())
            raise KeyError(f"{path}: no persons table for replicate {replicate} (has {have}; "
                           "run with --persons all to write every replicate)")
        p = g["persons"][key]
        df = pd.DataFrame({name: ds[()] for name, ds in p.items()})
        return df.set_index("id", drop=False) if "id" in df else df


# Public costs: every category of the file but these (taxes on earnings count negative).
COST_NOT_PUBLIC = ("victim", "total")
# As kEventMeasures in sim/app/io/outcome_measures.hpp: measure -> weekly series summed.
EVENT_MEASURES = {
    "offences_per_person": ("offences",),
    "arrests_per_person": ("arrests",),
    "convictions_per_person": ("convictions",),
    "prison_admissions_per_person": ("prison_admissions_new_sentence", "revocations_technical", "revocations_arrest"),
}


def experiment(path):
    """The /experiment group of a compare file as a dict, or None for a `pathways run` file."""
    with h5py.File(path, "r") as f:
        if "experiment" not in f:
            return None
        g = f["experiment"]
        out = {k: _text(v) if isinstance(v, (bytes, np.bytes_, str)) else v.item() for k, v in g.attrs.items()}
        out["scenarios"] = _strings(g["scenarios"])
        out["seeds"] = [int(s) for s in g["seeds"][()]]
        out["common_random_numbers"] = bool(out["common_random_numbers"])
        return out


def scenario_order(path):
    """Scenario names, baseline first for a compare file (the order given on the command line)."""
    ex = experiment(path)
    return ex["scenarios"] if ex else scenarios(path)


def load_costs(path, scenario=None):
    """Follow-up cost per replicate and category: replicate, category, total_usd, per_person_usd.

    Categories are those of the file (prison, jail, supervision, courts, victim, programmes, housing,
    employment_incentives, taxes_on_earnings), plus ``public`` (all but victim; taxes count negative)
    and ``total``; USD at 2023 prices, undiscounted.
    """
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        if "costs" not in g:
            return pd.DataFrame(columns=["replicate", "category", "total_usd", "per_person_usd"])
        reps, people = _reps(g), int(g.attrs["people"])
        sums = {name: ds[:reps, :].sum(axis=1) for name, ds in g["costs"].items()}
        # Public: every category but the victims' (and the total), as `pathways compare` counts it.
        sums["public"] = sum(v for c, v in sums.items() if c not in COST_NOT_PUBLIC)
        frames = [pd.DataFrame({"replicate": np.arange(reps), "category": name, "total_usd": v,
                                "per_person_usd": v / people}) for name, v in sums.items()]
        return pd.concat(frames, ignore_index=True)


def measures(path, scenario=None):
    """The compared outcome measures per replicate, as `pathways compare` reads them:
    measure, group, period, unit, replicate, value.

    arrest / conviction / return_prison: percent by the end of year y (period "y1".."yY"), every group;
    cost_public_per_person / cost_victim_per_person / cost_total_per_person: USD 2023 per released
    person over the follow-up (group "all", period "follow-up");
    offences / arrests / convictions / prison_admissions _per_person: events per released person over
    the follow-up (group "all", period "follow-up").
    """
    cum = load_cumulative(path, scenario)
    yearly = cum[cum.month % 12 == 0].assign(period=lambda d: "y" + (d.month // 12).astype(str), unit="pct")
    rows = [yearly.rename(columns={"outcome": "measure", "pct": "value"})[
        ["measure", "group", "period", "unit", "replicate", "value"]]]
    costs = load_costs(path, scenario)
    categories = ["public", "victim", "total"] + [c for c in costs.category.unique()
                                                   if c not in ("public", "victim", "total")]
    for category in categories:
        c = costs[costs.category == category]
        if len(c):
            rows.append(pd.DataFrame({"measure": f"cost_{category}_per_person", "group": "all",
                                      "period": "follow-up", "unit": "USD 2023 per person",
                                      "replicate": c.replicate.values, "value": c.per_person_usd.values}))
    weekly = load_weekly(path, scenario)
    people = info(path, scenario)["people"]
    for name, series in EVENT_MEASURES.items():
        totals = weekly.groupby("replicate")[[c for c in series if c in weekly]].sum().sum(axis=1) / people
        rows.append(pd.DataFrame({"measure": name, "group": "all", "period": "follow-up", "unit": "per person",
                                  "replicate": totals.index.values, "value": totals.values}))
    rows += _reintegration_measures(path, scenario)
    rows += _coordination_measures(path, scenario)
    return pd.concat(rows, ignore_index=True)


COORDINATION_SERIES = ("has_id_pct", "benefits_pct", "enrolled_pct", "formally_employed_pct")


def _coordination_measures(path, scenario):
    # As read_coordination_measures in sim/app/io/outcome_measures.cpp: group "all" at months 1, 3, 8, 12.
    rows = []
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        if "coordination" not in g:
            return rows
        reps = _reps(g)
        c = g["coordination"]["all"]
        for name in COORDINATION_SERIES:
            m = c[name][:reps, :]
            for month in (1, 3, 8, 12):
                if month > m.shape[1]:
                    continue
                rows.append(pd.DataFrame({"measure": name, "group": "all",
                                          "period": "y1" if month == 12 else f"m{month}", "unit": "pct",
                                          "replicate": np.arange(reps), "value": m[:, month - 1].astype(float)}))
    return rows


SPENDING_MEASURES = ("cost_programmes_per_person", "cost_housing_per_person", "cost_employment_incentives_per_person")
SAVING_MEASURES = ("cost_prison_per_person", "cost_jail_per_person", "cost_supervision_per_person",
                   "cost_courts_per_person", "cost_victim_per_person", "cost_taxes_on_earnings_per_person")


def fieller_ratio(x, y, level=0.95):
    """Ratio of means mean(x) / mean(y) over paired replicates with Fieller's interval, as
    sim/engine/stats/ratio_stats.cpp: (estimate, lo, hi, kind) with kind "bounded", "unbounded"
    (lo = -inf, hi = inf: the denominator's interval includes zero) or "undefined" (NaN)."""
    from scipy import stats

    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = len(x)
    xm, ym = x.mean(), y.mean()
    est = xm / ym if ym != 0 else np.nan
    if n < 2 or ym == 0:
        return est, np.nan, np.nan, "undefined"
    sxx, syy = x.var(ddof=1), y.var(ddof=1)
    sxy = ((x - xm) * (y - ym)).sum() / (n - 1)
    q = stats.t.ppf(0.5 + level / 2, n - 1) ** 2 / n
    a = ym * ym - q * syy
    b = -2.0 * (xm * ym - q * sxy)
    c = xm * xm - q * sxx
    if a <= 0:
        return est, -np.inf, np.inf, "unbounded"
    root = np.sqrt(max(0.0, b * b - 4 * a * c))
    return est, (-b - root) / (2 * a), (-b + root) / (2 * a), "bounded"


def cost_effectiveness(path, level=0.95):
    """Per alternative: benefit_cost_ratio and public_cost_per_arrest_averted with Fieller
    intervals, and chance_benefits_exceed_costs (the rows of `pathways compare --csv` with these measure
    names): scenario, measure, group, period, unit, n, mean (the ratio; NaN when not defined), lo, hi,
    interval, defined (False: the denominator's interval reaches zero), denominator_lo, denominator_hi."""
    from scipy import stats

    names = scenario_order(path)
    base = measures(path, names[0])
    rows = []

    def changes(alt, measure):
        pick = lambda m: m[(m.measure == measure) & (m.group == "all")].set_index("replicate").value
        return (pick(alt) - pick(base)).sort_index().values

    for name in names[1:]:
        alt = measures(path, name)
        spent = sum(changes(alt, m) for m in SPENDING_MEASURES)
        saved = -sum(changes(alt, m) for m in SAVING_MEASURES)
        for measure, unit, x, y in (
                ("benefit_cost_ratio", "ratio (Fieller interval)", saved, spent),
                ("public_cost_per_arrest_averted", "USD 2023 per arrest averted (Fieller interval)",
                 changes(alt, "cost_public_per_person"), -changes(alt, "arrests_per_person"))):
            est, lo, hi, kind = fieller_ratio(x, y, level)
            # As CostEffectiveness in sim/app/io/comparison.hpp: a ratio is defined only when its
            # denominator's t interval is above zero by more than rounding (0.5 USD, 0.0005 arrests).
            resolution = 0.5 if measure == "benefit_cost_ratio" else 0.0005
            y = np.asarray(y, dtype=float)
            if len(y) > 1:
                half = stats.t.ppf(0.5 + level / 2, len(y) - 1) * y.std(ddof=1) / np.sqrt(len(y))
                den_lo, den_hi = y.mean() - half, y.mean() + half
            else:
                den_lo = den_hi = np.nan
            defined = den_lo > resolution if len(y) > 1 else y.mean() > resolution
            if not defined:
                est, lo, hi = np.nan, np.nan, np.nan
            rows.append({"scenario": name, "measure": measure, "group": "all", "period": "follow-up", "unit": unit,
                         "n": len(x), "mean": est, "lo": lo, "hi": hi, "interval": kind, "defined": defined,
                         "denominator_lo": den_lo, "denominator_hi": den_hi})
        # The chance that benefits exceed costs: P(mean(saved - spent) > 0), Student t (paired_stats.hpp).
        net = np.asarray(saved - spent, dtype=float)
        if len(net) > 1:
            se = net.std(ddof=1) / np.sqrt(len(net))
            chance = stats.t.cdf(net.mean() / se, len(net) - 1) if se > 0 else \
                (1.0 if net.mean() > 0 else 0.0 if net.mean() < 0 else 0.5)
        else:
            chance = np.nan
        rows.append({"scenario": name, "measure": "chance_benefits_exceed_costs", "group": "all",
                     "period": "follow-up", "unit": "probability", "n": len(net), "mean": chance, "lo": np.nan,
                     "hi": np.nan, "interval": "undefined", "defined": True, "denominator_lo": np.nan,
                     "denominator_hi": np.nan})
    return pd.DataFrame(rows)


def _reintegration_measures(path, scenario):
    # As read_reintegration_measures in sim/app/io/outcome_measures.cpp.
    rows = []
    with h5py.File(path, "r") as f:
        g = _group(f, scenario)
        if "employment" not in g or "housing" not in g:
            return rows
        reps, people = _reps(g), int(g.attrs["people"])
        replicate = np.arange(reps)

        def add(measure, group, period, unit, values):
            rows.append(pd.DataFrame({"measure": measure, "group": group, "period": period, "unit": unit,
                                      "replicate": replicate, "value": np.asarray(values, dtype=float)}))

        for group in g["employment"]:
            e, h = g["employment"][group], g["housing"][group]
            employed, ever = e["employed_pct"][:reps, :], e["ever_employed_pct"][:reps, :]
            homeless = h["shelter_pct"][:reps, :] + h["street_pct"][:reps, :]
            for m in range(12, employed.shape[1] + 1, 12):
                period = f"y{m // 12}"
                add("employed_pct", group, period, "pct", employed[:, m - 1])
                add("ever_employed_pct", group, period, "pct", ever[:, m - 1])
                add("homeless_pct", group, period, "pct", homeless[:, m - 1])
            add("any_formal_earnings_pct", group, "follow-up", "pct", e["any_earnings_first_full_year_pct"][:reps, 0])
            add("shelter_within_24m_pct", group, "follow-up", "pct", h["shelter_within_24m_pct"][:reps, 0])
        if "earnings_usd" in g["weekly"]:
            add("earnings_per_person", "all", "follow-up", "USD 2023 per person",
                g["weekly"]["earnings_usd"][:reps, :].sum(axis=1) / people)
    return rows


def paired_differences(path, level=0.95):
    """Each alternative minus the baseline, paired by replicate, with a Student t interval
    (the same numbers as `pathways compare --csv`): scenario, measure, group, period, unit, n,
    baseline_mean, scenario_mean, mean, sd, lo, hi; then the rows of cost_effectiveness() (the ratio
    in mean, Fieller bounds in lo and hi)."""
    from scipy import stats

    names = scenario_order(path)
    base = measures(path, names[0]).set_index(["measure", "group", "period", "replicate"])
    out = []
    for name in names[1:]:
        alt = measures(path, name).set_index(["measure", "group", "period", "replicate"])
        d = alt.value - base.value.reindex(alt.index)
        frame = pd.DataFrame({"d": d, "b": base.value.reindex(alt.index), "a": alt.value, "unit": alt.unit})
        g = frame.groupby(level=["measure", "group", "period"], sort=False)
        res = pd.DataFrame({"unit": g.unit.first(), "n": g.d.count(), "baseline_mean": g.b.mean(),
                            "scenario_mean": g.a.mean(), "mean": g.d.mean(), "sd": g.d.std(ddof=1)})
        t = np.where(res.n > 1, stats.t.ppf(0.5 + level / 2, np.maximum(res.n - 1, 1)), np.nan)
        half = t * res.sd / np.sqrt(res.n)
        res["lo"], res["hi"] = res["mean"] - half, res["mean"] + half
        out.append(res.reset_index().assign(scenario=name))
    if not out:
        return pd.DataFrame()
    cols = ["scenario", "measure", "group", "period", "unit", "n", "baseline_mean", "scenario_mean", "mean",
            "sd", "lo", "hi"]
    # The cost-effectiveness ratios follow, as in the CSV (no baseline/scenario means or sd).
    return pd.concat(out + [cost_effectiveness(path, level)], ignore_index=True)[
        [c for c in cols]]


TREATED_SPENDING = ("cost_programmes", "cost_housing", "cost_employment_incentives")
TREATED_PUBLIC = ("cost_prison", "cost_jail", "cost_supervision", "cost_courts", "cost_taxes_on_earnings")


def effect_on_treated(path, level=0.95):
    """The effect on the treated of a compare file (/experiment/effect_on_treated; results/README.md), as the
    treated.* rows of `pathways compare --csv`: scenario, measure ("treated.arrest", ...,
    "treated.cost_prison", then treated.participants, treated.cost_per_participant, treated.public_benefit,
    treated.victim_benefit, treated.benefit_cost_ratio, treated.chance_benefits_exceed_costs), group (the
    unit: "programme:<name>", "drug_court", "mental_health_court", "intensive_supervision"), period, unit, n
    (replicates with participants), baseline_mean, scenario_mean, mean, sd, lo, hi, participants (mean per
    replicate), participants_are. Per replicate the participants' mean in the scenario minus the same
    persons' mean in the baseline, then a Student t interval over the replicates with participants; the
    benefit-cost ratio with Fieller's interval ("defined" False, mean NaN, when the extra cost's interval
    is not above 0.5 USD). Empty for files without it."""
    from scipy import stats

    rows = []
    with h5py.File(path, "r") as f:
        if "experiment" not in f or "effect_on_treated" not in f["experiment"]:
            return pd.DataFrame()
        top = f["experiment/effect_on_treated"]
        for scenario in scenario_order(path)[1:]:
            if scenario not in top:
                continue
            units = sorted(top[scenario].keys(), key=lambda u: (not u.startswith("programme:"), u))
            for u in units:
                g = top[scenario][u]
                n_part = g["participants"][()].astype(np.int64)
                names = _strings(g["measures"])
                units_of = _strings(g["units"])
                alt, base = g["scenario"][()], g["baseline"][()]
                used = n_part > 0
                mean_n = float(n_part.mean()) if len(n_part) else 0.0
                common = {"scenario": scenario, "group": u, "participants": mean_n,
                          "participants_are": _text(g.attrs.get("participants_are", ""))}
                k = int(used.sum())
                t = stats.t.ppf(0.5 + level / 2, k - 1) if k > 1 else np.nan

                def summary(x):
                    m = x.mean()
                    sd = x.std(ddof=1) if k > 1 else np.nan
                    half = t * sd / np.sqrt(k) if k > 1 else np.nan
                    return m, sd, m - half, m + half

                change = {}
                for j, name in enumerate(names):
                    if k == 0:
                        break
                    a, b = base[used, j], alt[used, j]
                    d = b - a
                    change[name] = d
                    m, sd, lo, hi = summary(d)
                    measure, _, period = name.partition(".")
                    rows.append({**common, "measure": "treated." + measure, "period": period or "follow-up",
                                 "unit": units_of[j], "n": k, "baseline_mean": a.mean(), "scenario_mean": b.mean(),
                                 "mean": m, "sd": sd, "lo": lo, "hi": hi})
                rows.append({**common, "measure": "treated.participants", "period": "per replicate",
                             "unit": "persons", "n": len(n_part), "mean": mean_n,
                             "lo": float(n_part.min()) if len(n_part) else np.nan,
                             "hi": float(n_part.max()) if len(n_part) else np.nan})
                if k == 0:
                    continue
                spend = list(TREATED_SPENDING) + (["cost_supervision"] if u == "intensive_supervision" else [])
                public = [m for m in TREATED_PUBLIC if not (u == "intensive_supervision" and m == "cost_supervision")]
                cost = sum(change[m] for m in spend if m in change)
                pub = -sum(change[m] for m in public if m in change)
                vic = -change["cost_victim"]
                money = "USD 2023 per participant"
                for measure, x in (("cost_per_participant", cost), ("public_benefit", pub), ("victim_benefit", vic)):
                    m, sd, lo, hi = summary(np.asarray(x, dtype=float))
                    rows.append({**common, "measure": "treated." + measure, "period": "follow-up", "unit": money,
                                 "n": k, "mean": m, "sd": sd, "lo": lo, "hi": hi})
                benefits = pub + vic
                est, lo, hi, kind = fieller_ratio(benefits, cost, level)
                cost = np.asarray(cost, dtype=float)
                if k > 1:
                    den_lo = cost.mean() - t * cost.std(ddof=1) / np.sqrt(k)
                    defined = den_lo > 0.5
                else:
                    defined = cost.mean() > 0.5
                if not defined:
                    est, lo, hi = np.nan, np.nan, np.nan
                rows.append({**common, "measure": "treated.benefit_cost_ratio", "period": "follow-up",
                             "unit": "ratio (Fieller interval)", "n": k, "mean": est, "lo": lo, "hi": hi,
                             "interval": kind, "defined": defined})
                net = np.asarray(benefits - cost, dtype=float)
                if k > 1:
                    se = net.std(ddof=1) / np.sqrt(k)
                    chance = stats.t.cdf(net.mean() / se, k - 1) if se > 0 else \
                        (1.0 if net.mean() > 0 else 0.0 if net.mean() < 0 else 0.5)
                else:
                    chance = np.nan
                rows.append({**common, "measure": "treated.chance_benefits_exceed_costs", "period": "follow-up",
                             "unit": "probability", "n": k, "mean": chance})
    return pd.DataFrame(rows)


def sweep_design(path):
    """The design of a sweep: one row per point (point = scenario name), one column per parameter
    (values in the parameter's internal unit), plus the unit-cube coordinates as u_<parameter>."""
    with h5py.File(path, "r") as f:
        g = f["experiment"]["design"]
        params = _strings(g["parameters"])
        points = _strings(f["experiment"]["scenarios"])
        df = pd.DataFrame(g["values"][()], columns=params)
        unit = pd.DataFrame(g["unit_points"][()], columns=[f"u_{p}" for p in params])
        df = pd.concat([df, unit], axis=1)
        df.insert(0, "point", points)
        return df


def sweep_outputs(path, outputs=None):
    """Outputs of a sweep, mean over replicates per point: point, output, unit, value.

    `outputs` are "measure.group.period" names (default: those stored in the file); only the
    datasets they need are read, so this is fast for large sweeps."""
    with h5py.File(path, "r") as f:
        outputs = outputs or _strings(f["experiment"]["design"]["outputs"])
        points = _strings(f["experiment"]["scenarios"])
        rows = []
        for point in points:
            g = f["scenarios"][point]
            reps, people = _reps(g), int(g.attrs["people"])
            for name in outputs:
                measure, group, period = name.split(".")
                if measure in OUTCOMES:
                    month = int(period[1:]) * 12
                    value = g["cumulative_pct"][group][measure][:reps, month - 1].mean()
                    unit = "pct"
                elif measure in EVENT_MEASURES:
                    total = sum(g["weekly"][c][:reps, :].sum(axis=1) for c in EVENT_MEASURES[measure])
                    value, unit = (total / people).mean(), "per person"
                elif not measure.startswith("cost_"):
                    # Work, housing and coordination measures: as `pathways compare` reads them.
                    m = measures(path, point)
                    m = m[(m.measure == measure) & (m.group == group) & (m.period == period)]
                    value, unit = m.value.mean(), m.unit.iloc[0]
                else:
                    category = measure[len("cost_"):-len("_per_person")]
                    names = ([c for c in g["costs"] if c not in COST_NOT_PUBLIC] if category == "public"
                             else [category])
                    total = sum(g["costs"][c][:reps, :].sum(axis=1) for c in names if c in g["costs"])
                    value, unit = (total / people).mean(), "USD 2023 per person"
                rows.append({"point": point, "output": name, "unit": unit, "value": float(value)})
        return pd.DataFrame(rows)


def calibration_posterior(path):
    """The final ABC population of a calibration file: one row per particle, one column per fitted
    parameter (internal units), then weight (normalised, sum 1) and distance (RMSE, percentage points)."""
    with h5py.File(path, "r") as f:
        g = f["experiment"]["calibration"]
        df = pd.DataFrame(g["samples"][()], columns=_strings(g["parameters"]))
        df["weight"] = g["weights"][()]
        df["distance"] = g["distances"][()]
        return df


def calibration_parameters(path):
    """The fitted parameters of a calibration file: path, unit, lo, hi, log_scale, posterior mean, sd,
    q05, median, q95, and the point written to the scenario file (point, point_text)."""
    with h5py.File(path, "r") as f:
        g = f["experiment"]["calibration"]
        df = pd.DataFrame({"path": _strings(g["parameters"]), "unit": _strings(g["units"]),
                           "lo": g["lo"][()], "hi": g["hi"][()], "log_scale": g["log_scale"][()].astype(bool)})
        for name in ("mean", "sd", "q05", "median", "q95"):
            df[name] = g[f"posterior_{name}"][()]
        df["point"] = g["point"][()]
        df["point_text"] = _strings(g["point_text"])
        return df


def calibration_generations(path):
    """One row per ABC generation: generation, tolerance (RMSE, pp), accepted, attempts, evaluations,
    acceptance_rate, ess."""
    with h5py.File(path, "r") as f:
        g = f["experiment"]["calibration"]["generations"]
        df = pd.DataFrame({k: g[k][()] for k in ("tolerance", "accepted", "attempts", "evaluations",
                                                  "acceptance_rate", "ess")})
        df.insert(0, "generation", range(len(df)))
        return df


def calibration_fit(path):
    """The fit of the calibrated scenario: target_id, target_file, target, simulated, error (simulated
    minus target, percentage points), weight. The RMSE is the attribute rmse of /experiment/calibration/fit."""
    with h5py.File(path, "r") as f:
        g = f["experiment"]["calibration"]["fit"]
        return pd.DataFrame({"target_id": _strings(g["target_id"]), "target_file": _strings(g["target_file"]),
                             "target": g["target"][()], "simulated": g["simulated"][()], "error": g["error"][()],
                             "weight": g["weight"][()]})


def load_experiment(path):
    """Everything in a results file (run or compare) as tidy DataFrames, with a `scenario` column:

    info         one row per scenario: scenario, description, people, weeks, replicates, seed, baseline
    cumulative   scenario, replicate, group, outcome, month, pct
    weekly       scenario, replicate, week, one column per series
    costs        scenario, replicate, category, total_usd, per_person_usd
    measures     scenario, measure, group, period, unit, replicate, value
    differences  compare files only (else empty): see paired_differences()
    treated      compare files only (else empty): the effect on the treated, see effect_on_treated()
    experiment   the /experiment attributes (dict), or None
    design       sweep files only (else empty): sweep_design()
    outputs      sweep files only (else empty): sweep_outputs()
    posterior    calibration files only (else empty): calibration_posterior()
    parameters   calibration files only (else empty): calibration_parameters()
    generations  calibration files only (else empty): calibration_generations()
    fit          calibration files only (else empty): calibration_fit()
    """
    names = scenario_order(path)
    ex = experiment(path)
    is_sweep = bool(ex) and ex.get("kind") == "sweep"
    is_calibration = bool(ex) and ex.get("kind") == "calibrate"
    info_rows, cum, weekly, costs, meas = [], [], [], [], []
    for name in names:
        i = info(path, name)
        info_rows.append({"scenario": name, "description": i.get("description", ""), "people": i["people"],
                          "weeks": i["weeks"], "replicates": i["replicates_written"], "seed": i["seed"],
                          "baseline": bool(ex) and name == ex["baseline"]})
        cum.append(load_cumulative(path, name).assign(scenario=name))
        weekly.append(load_weekly(path, name).assign(scenario=name))
        costs.append(load_costs(path, name).assign(scenario=name))
        meas.append(measures(path, name).assign(scenario=name))

    def first(df):
        return df[["scenario"] + [c for c in df.columns if c != "scenario"]]

    return {
        "info": pd.DataFrame(info_rows),
        "cumulative": first(pd.concat(cum, ignore_index=True)),
        "weekly": first(pd.concat(weekly, ignore_index=True)),
        "costs": first(pd.concat(costs, ignore_index=True)),
        "measures": first(pd.concat(meas, ignore_index=True)),
        "differences": paired_differences(path) if ex and ex.get("kind") == "compare" else pd.DataFrame(),
        "treated": effect_on_treated(path) if ex and ex.get("kind") == "compare" else pd.DataFrame(),
        "experiment": ex,
        "design": sweep_design(path) if is_sweep else pd.DataFrame(),
        "outputs": sweep_outputs(path) if is_sweep else pd.DataFrame(),
        "posterior": calibration_posterior(path) if is_calibration else pd.DataFrame(),
        "parameters": calibration_parameters(path) if is_calibration else pd.DataFrame(),
        "generations": calibration_generations(path) if is_calibration else pd.DataFrame(),
        "fit": calibration_fit(path) if is_calibration else pd.DataFrame(),
    }


def _summary(path, scenario):
    meta = info(path, scenario)
    print(f"{path}: {meta['format']} v{meta['format_version']}, pathways {meta['program_version']} "
          f"({meta['git_commit']})")
    print(f"scenario {meta['scenario']}: {meta['description']}")
    print(f"  {meta['people']} people, {meta['weeks']} weeks, {meta['replicates_written']}/{meta['replicates']} "
          f"replicate(s), seed {meta['seed']}")
    cum = load_cumulative(path, scenario)
    last = int(cum.month.max()) if len(cum) else 0
    ends = [m for m in range(12, last + 1, 12)] or ([last] if last else [])  # year ends, or the last month
    sel = cum[cum.month.isin(ends) & cum.group.isin(["all", "male", "female"])]
    table = sel.groupby(["outcome", "group", "month"]).pct.mean().unstack("month")
    table.columns = [f"y{m // 12}" if m % 12 == 0 else f"month {m}" for m in table.columns]
    print("\nCumulative percent of the released cohort (mean over replicates):")
    if table.empty:
        print("  (none: the horizon is shorter than one month)")
    else:
        print(table.loc[[o for o in OUTCOMES if o in table.index.get_level_values(0)]].round(1).to_string())
    weekly = load_weekly(path, scenario)
    totals = weekly.drop(columns=["week"]).groupby("replicate").sum().mean()
    flows = ["offences", "arrests", "convictions", "technical_violations", "revocations_technical",
             "revocations_arrest", "prison_admissions_new_sentence", "releases"]
    print("\nTotals over the follow-up (mean over replicates):")
    print(totals[[c for c in flows if c in totals]].round(0).astype(int).to_string())
    last = weekly[weekly.week == weekly.week.max()].drop(columns=["replicate", "week"]).mean()
    stocks = ["in_community", "in_jail", "in_prison", "on_standard_supervision", "on_intensive_supervision"]
    print(f"\nStocks at the end of week {weekly.week.max()} (mean over replicates):")
    print(last[[c for c in stocks if c in last]].round(0).astype(int).to_string())


def plot_curves(path, out, scenario=None, groups=("all", "male", "female")):
    """Cumulative arrest / conviction / return curves by group, one panel per outcome."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    meta = info(path, scenario)
    cum = load_cumulative(path, scenario)
    cum = cum[cum.group.isin(groups)]
    if cum.empty:
        raise ValueError(f"{path}: nothing to plot (no complete month, or none of the groups {list(groups)})")
    stats = cum.groupby(["outcome", "group", "month"]).pct.agg(["mean", "min", "max"]).reset_index()
    fig, axes = plt.subplots(1, len(OUTCOMES), figsize=(15, 5), sharey=True)
    colours = dict(zip(groups, ["black", "tab:blue", "tab:red", "tab:green", "tab:orange"]))
    for ax, outcome in zip(axes, OUTCOMES):
        for group in groups:
            s = stats[(stats.outcome == outcome) & (stats.group == group)]
            if s.empty:
                continue
            years = np.concatenate([[0.0], s.month / 12])  # every curve starts at 0 at release
            style = dict(color=colours.get(group), label=group, linewidth=2)
            if group == "all":
                style.update(linestyle="--", zorder=3)
            ax.plot(years, np.concatenate([[0.0], s["mean"]]), **style)
            if meta["replicates_written"] > 1:
                ax.fill_between(years, np.concatenate([[0.0], s["min"]]), np.concatenate([[0.0], s["max"]]),
                                color=colours.get(group), alpha=0.2)
        ax.set_title(OUTCOME_LABELS[outcome])
        ax.set_xlabel("Years since release")
        ax.set_xlim(0, stats.month.max() / 12)
        ax.set_ylim(0, 100)
        ax.grid(True, alpha=0.3)
    axes[0].set_ylabel("Cumulative percent of released cohort")
    axes[0].legend(title="group", loc="upper left")
    band = " (band: min-max over replicates)" if meta["replicates_written"] > 1 else ""
    fig.suptitle(f"Pathways scenario '{meta['scenario']}': {meta['people']} people, "
                 f"{meta['replicates_written']} replicate(s){band}")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description="Summarise a Pathways results file.")
    ap.add_argument("file", help="results file (.h5)")
    ap.add_argument("--scenario", help="scenario name (default: the only one in the file)")
    ap.add_argument("--plot", metavar="OUT.png", help="draw cumulative arrest/conviction/return curves")
    args = ap.parse_args(argv)
    try:
        _summary(args.file, args.scenario)
        if args.plot:
            plot_curves(args.file, args.plot, args.scenario)
            print(f"\nwrote {args.plot}")
    except (OSError, KeyError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
