"""Standard figures (PNG) and a short Markdown summary of a Pathways results file.

    /usr/bin/python3 results/report.py FILE.h5 -o DIR        (or: pathways report FILE.h5 -o DIR)

For a compare experiment (``pathways compare``): cumulative arrest, conviction and
return-to-prison curves per scenario with replicate bands; the differences against
the baseline by year with 95% intervals; the differences by group at the last year;
costs per person by category and their differences. For a single run: the curves
by sex and the costs. DIR/summary.md lists the key numbers and the figures.
Needs h5py, pandas, matplotlib and scipy (Debian's /usr/bin/python3 has them).
"""

import argparse
import os
import sys

import h5py
import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pathways_results as pr  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLOURS = ["black", "tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown", "tab:pink",
           "tab:olive", "tab:cyan"]
# One colour per cost category, in every figure of the report (the viewer does not use these yet: issue 19).
COST_COLOURS = {"prison": "#1f77b4", "jail": "#aec7e8", "supervision": "#ff7f0e", "courts": "#ffbb78",
                "programmes": "#2ca02c", "housing": "#98df8a", "employment_incentives": "#9467bd",
                "taxes_on_earnings": "#8c564b", "victim": "#d62728"}
COST_LABELS = {"prison": "prison", "jail": "jail", "supervision": "supervision", "courts": "courts",
               "programmes": "programmes", "housing": "housing", "employment_incentives": "hiring incentives",
               "taxes_on_earnings": "taxes on earnings (gained, negative)", "victim": "victims"}
# Public cost = every category but victims (taxes on earnings count negative), as `pathways compare`.
PUBLIC_CATEGORIES = ["prison", "jail", "supervision", "courts", "programmes", "housing", "employment_incentives",
                     "taxes_on_earnings"]
COST_CATEGORIES = PUBLIC_CATEGORIES + ["victim"]
# The outcome families of the report, each a list of (measure, label, period: "last" year or a fixed one).
FAMILIES = {
    "justice": [("arrest", "first arrest, %", "last"), ("conviction", "first conviction, %", "last"),
                ("return_prison", "return to prison, %", "last"),
                ("offences_per_person", "offences per person", "follow-up"),
                ("arrests_per_person", "arrests per person", "follow-up"),
                ("convictions_per_person", "convictions per person", "follow-up"),
                ("prison_admissions_per_person", "prison admissions per person", "follow-up")],
    "work": [("employed_pct", "working, % in community", "last"), ("ever_employed_pct", "ever worked, %", "last"),
             ("any_formal_earnings_pct", "formal earnings in weeks 26-77, %", "follow-up"),
             ("earnings_per_person", "earnings per person (USD)", "follow-up")],
    "housing": [("homeless_pct", "homeless (shelter or street), % in community", "last"),
                ("shelter_within_24m_pct", "shelter within 24 months, %", "follow-up")],
    "coordination": [("has_id_pct", "has an ID, % in community", "m3"),
                     ("benefits_pct", "has benefits, % in community", "m3"),
                     ("enrolled_pct", "enrolled with services, % in community", "m3"),
                     ("formally_employed_pct", "formal job, % in community", "y1")],
    "costs": [("cost_public_per_person", "public cost per person (USD)", "follow-up"),
              ("cost_victim_per_person", "victim cost per person (USD)", "follow-up"),
              ("cost_total_per_person", "total cost per person (USD)", "follow-up")]
    + [(f"cost_{c}_per_person", f"  {COST_LABELS[c]} per person (USD)", "follow-up") for c in PUBLIC_CATEGORIES],
}
# Network measures (results/README.md, network/): dataset, label, column (-1: the last month).
NETWORK_MEASURES = [("prosocial_ties_by_month", "prosocial ties per person, last month", -1),
                    ("antisocial_ties_by_month", "antisocial ties per person, last month", -1),
                    ("antisocial_share_by_month", "antisocial share of ties, last month", -1),
                    ("mentored_pct_by_month", "mentored, % in community, last month", -1),
                    ("top_decile_share_of_arrests_pct", "share of arrests held by the top 10%, %", 0)]
# The brief's ranking measures: name -> (label, True when a larger value ranks first).
RANK_BY = {"public_cost_per_arrest_averted": ("public cost per arrest averted", False),
           "benefit_cost_ratio": ("benefit-cost ratio", True),
           "chance_benefits_exceed_costs": ("chance that benefits exceed costs", True),
           "arrest": ("change in arrest", False), "conviction": ("change in conviction", False),
           "return_prison": ("change in return to prison", False),
           "cost_public_per_person": ("change in public cost per person", False),
           "cost_total_per_person": ("change in total cost per person", False)}
BRIEF_GROUPS = ["male", "female", "age_le24", "age_25to39", "age_40to54", "age_55to64", "age_65plus", "risk_low",
                "risk_moderate", "risk_high", "risk_very_high", "offence_violent", "offence_property", "offence_drug",
                "offence_public_order"]
NOT_DEFINED = "not defined (no net saving or spend)"
GROUP_ORDER = ["all", "male", "female", "age_le24", "age_25to39", "age_40to54", "age_55to64", "age_65plus", "age_40plus",
               "risk_low", "risk_moderate", "risk_high", "risk_very_high", "prior_arrests_le4",
               "prior_arrests_5to9", "prior_arrests_10plus", "prior_arrests_le2", "prior_arrests_3to4",
               "first_arrest_le17", "first_arrest_18to19", "first_arrest_20to24", "first_arrest_25to29",
               "first_arrest_30to34", "first_arrest_35to39", "first_arrest_40plus", "offence_violent", "offence_property", "offence_drug",
               "offence_public_order", "group_0", "group_1", "released_to_supervision", "released_unconditionally"]


def colour(i):
    return COLOURS[i % len(COLOURS)]


def last_year(d):
    """The last whole year ("y5") among the periods of the differences, or "follow-up" if none."""
    years = [p for p in d.period.unique() if isinstance(p, str) and p.startswith("y")]
    return max(years, key=lambda p: int(p[1:])) if years else "follow-up"


def excludes_zero(row, decimals):
    """The interval excludes zero by more than the rounding shown (so "[+0.0, +0.0]" is never starred)."""
    half = 0.5 * 10 ** -decimals
    return not np.isnan(row.lo) and (row.lo > half or row.hi < -half)


def brief_rows(ex):
    """One row per alternative: the brief's numbers (see brief_markdown), from the paired differences."""
    d = ex["differences"]
    last = last_year(d)
    rows = []
    for name in dict.fromkeys(d.scenario):
        s = d[(d.scenario == name) & (d.group == "all")].set_index(["measure", "period"])
        get = lambda m, p: s.loc[(m, p)] if (m, p) in s.index else None  # noqa: E731
        rows.append({"scenario": name, "arrest": get("arrest", last), "conviction": get("conviction", last),
                     "return_prison": get("return_prison", last),
                     "cost_public_per_person": get("cost_public_per_person", "follow-up"),
                     "cost_total_per_person": get("cost_total_per_person", "follow-up"),
                     "public_cost_per_arrest_averted": get("public_cost_per_arrest_averted", "follow-up"),
                     "benefit_cost_ratio": get("benefit_cost_ratio", "follow-up"),
                     "chance_benefits_exceed_costs": get("chance_benefits_exceed_costs", "follow-up")})
    return rows, last


def rank(rows, rank_by):
    """Rows ordered by the chosen measure, best first; rows where it is not defined go last."""
    _, larger_first = RANK_BY[rank_by]

    def key(r):
        v = r[rank_by]
        if v is None or np.isnan(v["mean"]):
            return (1, 0.0)
        return (0, -v["mean"] if larger_first else v["mean"])

    return sorted(rows, key=key)


def worded_interval(lo, hi):
    """A cost change's 95% interval with each end worded: "saves 4,922 to 6,204", "costs 90 to 800 more",
    "saves 300 to costs 200 more"."""
    if lo >= 0:
        return f"costs {lo:,.0f} to {hi:,.0f} more"
    if hi <= 0:
        return f"saves {-hi:,.0f} to {-lo:,.0f}"
    return f"saves {-lo:,.0f} to costs {hi:,.0f} more"


def fmt_cost_change(row):
    """A change in cost per person, sign-correct: "costs 1,234 more [..]" or "saves 1,234 [..]"."""
    if row is None:
        return "-"
    m = row["mean"]
    text = f"costs {m:,.0f} more" if m >= 0 else f"saves {-m:,.0f}"
    if not np.isnan(row.lo):
        text += f" ({worded_interval(row.lo, row.hi)})" + (" *" if excludes_zero(row, 0) else "")
    return text


def fmt_per_arrest(row):
    """Public cost per arrest averted, sign-correct, or "not defined"."""
    if row is None:
        return "-"
    if np.isnan(row["mean"]):
        return NOT_DEFINED
    m = row["mean"]
    text = f"costs {m:,.0f} more" if m >= 0 else f"saves {-m:,.0f}"
    if np.isinf(row.lo) or np.isinf(row.hi):
        return text + " (95% interval unbounded)"
    if not np.isnan(row.lo):
        text += f" ({worded_interval(row.lo, row.hi)})"
    return text


def fmt_chance(row):
    if row is None or np.isnan(row["mean"]):
        return "-"
    p = 100 * row["mean"]
    return "over 99%" if p > 99.5 else "under 1%" if p < 0.5 else f"{p:.0f}%"


def brief_markdown(ex, rank_by):
    rows, last = brief_rows(ex)
    rows = rank(rows, rank_by)
    label, larger_first = RANK_BY[rank_by]
    e = ex["experiment"]
    lines = [f"## The brief: which scenario cuts reoffending most per dollar, and for whom", "",
             f"Against the baseline **{e['baseline']}**; ranked by {label} ({'largest' if larger_first else 'lowest'}"
             f" first; choose with `pathways report --rank-by`). Changes are scenario minus baseline at {last} with "
             "95% intervals; `*` marks an interval that excludes zero by more than the rounding shown. Ratios whose "
             f"denominator's interval reaches zero are \"{NOT_DEFINED}\". The effect on the treated is the "
             f"change in arrest by {last} among each programme's or court's participants against the same persons "
             "in the baseline (pp; participants per replicate in brackets; details below).", "",
             f"| rank | scenario | arrest by {last} (pp) | conviction by {last} (pp) | return to prison by {last} (pp) "
             "| effect on the treated | public cost / person (USD) | total cost incl. victims / person (USD) "
             "| public cost per arrest averted (USD) | benefit-cost ratio | chance benefits exceed costs |",
             "|---:|---|---|---|---|---|---|---|---|---|---|"]
    for i, r in enumerate(rows, 1):
        cell = lambda m, dec: fmt_interval(r[m], dec) if r[m] is not None else "-"  # noqa: E731
        bcr = fmt_ratio(r["benefit_cost_ratio"], 2) if r["benefit_cost_ratio"] is not None else "-"
        lines.append(f"| {i} | {r['scenario']} | {cell('arrest', 1)} | {cell('conviction', 1)} | "
                     f"{cell('return_prison', 1)} | {treated_cell(ex, r['scenario'], last)} | "
                     f"{fmt_cost_change(r['cost_public_per_person'])} | {fmt_cost_change(r['cost_total_per_person'])} | "
                     f"{fmt_per_arrest(r['public_cost_per_arrest_averted'])} | {bcr} | "
                     f"{fmt_chance(r['chance_benefits_exceed_costs'])} |")
    lines.append("")
    return lines, rows, last


def treated_rows(ex, scenario, measure, period):
    """The effect-on-the-treated rows of one scenario for one measure and period, one per unit."""
    t = ex.get("treated")
    if t is None or t.empty:
        return t if t is not None else pd.DataFrame()
    return t[(t.scenario == scenario) & (t.measure == measure) & (t.period == period)]


def participants_of(ex, scenario, unit):
    t = ex["treated"]
    r = t[(t.scenario == scenario) & (t.group == unit) & (t.measure == "treated.participants")]
    return float(r["mean"].iloc[0]) if len(r) else 0.0


def unit_label(unit):
    return unit.split(":", 1)[1] if unit.startswith("programme:") else unit.replace("_", " ")


def treated_cell(ex, scenario, last, sep="<br>"):
    """The brief's effect-on-the-treated cell: arrest by the last year, per unit."""
    t = ex.get("treated")
    if t is None or t.empty:
        return "-"
    units = list(dict.fromkeys(t[t.scenario == scenario].group))
    if not units:
        return "no programme or court"
    rows = treated_rows(ex, scenario, "treated.arrest", last).set_index("group")
    parts = []
    for u in units:
        n = participants_of(ex, scenario, u)
        if u not in rows.index:
            parts.append(f"{unit_label(u)}: no participants")
            continue
        parts.append(f"{unit_label(u)}: {fmt_interval(rows.loc[u], 1)} ({n:,.0f})")
    return sep.join(parts)


TREATED_OUTCOMES = [("treated.arrest", "first arrest, %"), ("treated.conviction", "first conviction, %"),
                    ("treated.return_prison", "return to prison, %"), ("treated.employed", "working, %"),
                    ("treated.homeless", "homeless, %")]


def treated_markdown(ex):
    """The effect on the treated and the benefit-cost per participant, per scenario and unit."""
    t = ex.get("treated")
    if t is None or t.empty:
        return []
    d = ex["differences"]
    last = last_year(d)
    periods = list(dict.fromkeys(["y1", last]))
    lines = ["## Effect on the treated: the participants against the same persons in the baseline", "",
             "Common random numbers give each person the same draws with and without the policy, so the baseline "
             "shows what the very people who took part would have done without it. Per replicate, the participants' "
             "mean in the scenario minus the same persons' mean in the baseline; 95% interval over replicates. "
             "Participants are read in the scenario (started a programme, admitted to a court, or released to "
             "intensive supervision there and not in the baseline). Working and homeless count every participant, "
             "in custody or not.", ""]
    for scenario in dict.fromkeys(t.scenario):
        s = t[t.scenario == scenario]
        lines += [f"### {scenario}", "", "| programme or court | participants / replicate | outcome | when | baseline "
                  "| scenario | difference (pp) |", "|---|---:|---|---|---:|---:|---|"]
        for u in dict.fromkeys(s.group):
            n = participants_of(ex, scenario, u)
            su = s[s.group == u].set_index(["measure", "period"])
            if ("treated.arrest", "y1") not in su.index:
                lines.append(f"| {unit_label(u)} | {n:,.0f} | no participants | | | | |")
                continue
            for measure, label in TREATED_OUTCOMES:
                for p in periods:
                    if (measure, p) in su.index:
                        r = su.loc[(measure, p)]
                        lines.append(f"| {unit_label(u)} | {n:,.0f} | {label} | {p} | {r.baseline_mean:.1f} | "
                                     f"{r.scenario_mean:.1f} | {fmt_interval(r, 1)} |")
        lines.append("")
    lines += ["## Benefit-cost per participant (WSIPP style)", "",
              "Per participant over the follow-up, USD 2023, undiscounted, from the participants' own paired changes "
              "in cost: the extra cost is programmes, courts, mentors, housing and hiring incentives (and, for "
              "intensive supervision, the extra supervision); public benefits are the fall in prison, jail, "
              "supervision and court costs plus the taxes gained; victim benefits the fall in victim costs. The "
              "ratio is benefits over the extra cost (Fieller interval); spill-overs to non-participants are not "
              "counted here (they are in the whole-cohort benefit-cost ratio above).", "",
              "| scenario | programme or court | participants / replicate | extra cost / participant | public benefits "
              "/ participant | victim benefits / participant | benefit-cost ratio | chance benefits exceed costs |",
              "|---|---|---:|---|---|---|---|---|"]
    for scenario in dict.fromkeys(t.scenario):
        s = t[t.scenario == scenario]
        for u in dict.fromkeys(s.group):
            su = s[s.group == u].set_index("measure")
            n = participants_of(ex, scenario, u)
            if "treated.cost_per_participant" not in su.index:
                lines.append(f"| {scenario} | {unit_label(u)} | {n:,.0f} | no participants | | | | |")
                continue
            money = lambda m: fmt_interval(su.loc[m], 0)  # noqa: E731
            lines.append(f"| {scenario} | {unit_label(u)} | {n:,.0f} | {money('treated.cost_per_participant')} | "
                         f"{money('treated.public_benefit')} | {money('treated.victim_benefit')} | "
                         f"{fmt_ratio(su.loc['treated.benefit_cost_ratio'], 2)} | "
                         f"{fmt_chance(su.loc['treated.chance_benefits_exceed_costs'])} |")
    lines.append("")
    return lines


def plot_treated(ex, out):
    """treated.png: first arrest and return to prison by the last year, the effect on the treated per unit
    beside the whole-cohort effect (court participants are chosen at an arrest, so their arrest cannot change)."""
    t = ex.get("treated")
    if t is None or t.empty:
        return False
    d = ex["differences"]
    last = last_year(d)
    units = [(s, u) for s, u in dict.fromkeys(zip(t.scenario, t.group))
             if len(treated_rows(ex, s, "treated.arrest", last)[lambda x: x.group == u])]
    if not units:
        return False
    y = np.arange(len(units))
    fig, axes = plt.subplots(1, 2, figsize=(13, 1.4 + 0.7 * len(units)), sharey=True)
    for ax, (measure, label) in zip(axes, (("arrest", "first arrest"), ("return_prison", "return to prison"))):
        tot, tot_err, cohort, cohort_err = [], [], [], []
        for s, u in units:
            r = treated_rows(ex, s, "treated." + measure, last).set_index("group").loc[u]
            c = d[(d.scenario == s) & (d.measure == measure) & (d.group == "all") & (d.period == last)]
            tot.append(r["mean"])
            tot_err.append(0 if np.isnan(r.lo) else r.hi - r["mean"])
            cohort.append(c["mean"].iloc[0] if len(c) else np.nan)
            cohort_err.append(0 if not len(c) or np.isnan(c.lo.iloc[0]) else c.hi.iloc[0] - c["mean"].iloc[0])
        ax.barh(y - 0.2, tot, 0.4, xerr=tot_err, color=colour(1), label="participants (effect on the treated)")
        ax.barh(y + 0.2, cohort, 0.4, xerr=cohort_err, color=colour(2), label="whole released cohort")
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlabel(f"change in {label} by {last}\npercentage points (95% interval)")
    axes[0].set_yticks(y)
    axes[0].set_yticklabels([f"{s}\n{unit_label(u)}" for s, u in units])
    axes[0].invert_yaxis()
    axes[1].legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def plot_brief(ex, rows, last, rank_by, out):
    """brief.png: the ranked table of the brief as one figure."""
    label, _ = RANK_BY[rank_by]
    header = ["rank", "scenario", f"arrest\nby {last} (pp)", f"conviction\nby {last} (pp)",
              f"return to prison\nby {last} (pp)", f"effect on the treated:\narrest by {last} (pp)",
              "change in public\ncost / person (USD)",
              "change in total\ncost / person (USD)",
              "public cost per\narrest averted (USD)", "benefit-cost\nratio", "chance benefits\nexceed costs"]

    def short(row, dec):
        if row is None:
            return "-"
        t = f"{row['mean']:+,.{dec}f}"
        if not np.isnan(row.lo):
            t += f"\n[{row.lo:+,.{dec}f}, {row.hi:+,.{dec}f}]" + (" *" if excludes_zero(row, dec) else "")
        return t

    def ratio(row, dec, money):
        if row is None:
            return "-"
        if np.isnan(row["mean"]):
            return "not defined\n(no net saving\nor spend)"
        m = row["mean"]
        t = (f"costs {m:,.0f} more" if m >= 0 else f"saves {-m:,.0f}") if money else f"{m:,.{dec}f}"
        if np.isinf(row.lo):
            return t + "\n(unbounded)"
        if not np.isnan(row.lo):
            t += ("\n(" + worded_interval(row.lo, row.hi).replace(" to ", "\nto ") + ")") if money else \
                f"\n[{row.lo:,.{dec}f}, {row.hi:,.{dec}f}]"
        return t

    def treated(name):
        # One line per unit: "cbt-in-prison -1.4 *", short enough for the cell (intervals in summary.md).
        t = ex.get("treated")
        if t is None or t.empty:
            return "-"
        rows = treated_rows(ex, name, "treated.arrest", last).set_index("group")
        units = list(dict.fromkeys(t[t.scenario == name].group))
        if not units:
            return "no programme\nor court"
        return "\n".join(f"{unit_label(u)[:22]} {rows.loc[u]['mean']:+.1f}" +
                         (" *" if excludes_zero(rows.loc[u], 1) else "") if u in rows.index
                         else f"{unit_label(u)[:22]}: none" for u in units)

    cells = [[str(i), r["scenario"], short(r["arrest"], 1), short(r["conviction"], 1), short(r["return_prison"], 1),
              treated(r["scenario"]), short(r["cost_public_per_person"], 0), short(r["cost_total_per_person"], 0),
              ratio(r["public_cost_per_arrest_averted"], 0, True), ratio(r["benefit_cost_ratio"], 2, False),
              fmt_chance(r["chance_benefits_exceed_costs"])] for i, r in enumerate(rows, 1)]
    fig, ax = plt.subplots(figsize=(19, 1.8 + 1.1 * len(rows)))
    ax.axis("off")
    t = ax.table(cellText=cells, colLabels=header, loc="center", cellLoc="center")
    t.auto_set_font_size(False)
    t.set_fontsize(10)
    t.scale(1, 4.4)
    for (r, c), cell in t.get_celld().items():
        if c == 5:
            cell.set_width(cell.get_width() * 1.8)  # the effect on the treated: one line per programme
        if r == 0:
            cell.set_facecolor("#e8e8e8")
            cell.set_text_props(weight="bold")
            cell.set_height(cell.get_height() * 1.15)
    e = ex["experiment"]
    ax.set_title(f"Against baseline '{e['baseline']}', ranked by {label}: mean change and 95% interval over "
                 f"{e['replicates']} paired replicates (* interval excludes zero)", fontsize=12)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def group_markdown(ex):
    """The effect by group at the last year: one table per outcome, groups down, scenarios across."""
    d = ex["differences"]
    last = last_year(d)
    alts = list(dict.fromkeys(d.scenario))
    lines = [f"## Effect by group (sex, age band, risk level, offence) by {last}", "",
             "Scenario minus baseline in percentage points of the group's released cohort, 95% interval.", ""]
    for outcome in pr.OUTCOMES:
        s = d[(d.measure == outcome) & (d.period == last)].set_index(["scenario", "group"])
        groups = [g for g in ["all"] + BRIEF_GROUPS if any((a, g) in s.index for a in alts)]
        lines += [f"### {pr.OUTCOME_LABELS[outcome]}", "", "| group | " + " | ".join(alts) + " |",
                  "|---|" + "---|" * len(alts)]
        for g in groups:
            lines.append(f"| {g} | " + " | ".join(fmt_interval(s.loc[(a, g)], 1) if (a, g) in s.index else "-"
                                                  for a in alts) + " |")
        lines.append("")
    return lines


def families_markdown(ex):
    """Every outcome family (justice, work, housing, coordination, costs; network below), group "all"."""
    d = ex["differences"]
    last = last_year(d)
    alts = list(dict.fromkeys(d.scenario))
    s = d[d.group == "all"].set_index(["scenario", "measure", "period"])
    lines = ["## Every outcome family, all released persons", "",
             f"Scenario minus baseline, 95% interval (\"last\" = {last}; m3 = end of month 3).", ""]
    for family, rows in FAMILIES.items():
        lines += [f"### {family}", "", "| outcome | when | baseline | " + " | ".join(alts) + " |",
                  "|---|---|---:|" + "---|" * len(alts)]
        for measure, label, period in rows:
            p = last if period == "last" else period
            present = [a for a in alts if (a, measure, p) in s.index]
            if not present:
                continue
            dec = 0 if "USD" in label else 3 if "per person" in label else 1
            base = s.loc[(present[0], measure, p)]["baseline_mean"]
            lines.append(f"| {label} | {p} | {base:,.{dec}f} | " + " | ".join(
                fmt_interval(s.loc[(a, measure, p)], dec) if (a, measure, p) in s.index else "-" for a in alts)
                + " |")
        lines.append("")
    lines += network_markdown(ex)
    return lines


def network_markdown(ex):
    """The network family: per scenario, mean over replicates (results/README.md, network/)."""
    from scipy import stats

    path = ex["path"]
    names = list(ex["info"].scenario)
    with h5py.File(path, "r") as f:
        values = {}
        for name in names:
            g = f["scenarios"][name]
            if "network" not in g:
                return []
            reps = int(g.attrs["replicates_written"])
            values[name] = {m: g["network"][m][:reps, col] for m, _, col in NETWORK_MEASURES if m in g["network"]}
    lines = ["### network", "", "| measure | baseline | " + " | ".join(names[1:]) + " |",
             "|---|---:|" + "---|" * (len(names) - 1)]
    for m, label, _ in NETWORK_MEASURES:
        if m not in values[names[0]]:
            continue
        b = np.asarray(values[names[0]][m], dtype=float)
        cells = []
        for a in names[1:]:
            diff = np.asarray(values[a][m], dtype=float) - b
            mean = diff.mean()
            if len(diff) > 1:
                half = stats.t.ppf(0.975, len(diff) - 1) * diff.std(ddof=1) / np.sqrt(len(diff))
                row = pd.Series({"mean": mean, "lo": mean - half, "hi": mean + half})
            else:
                row = pd.Series({"mean": mean, "lo": np.nan, "hi": np.nan})
            cells.append(fmt_interval(row, 2))
        lines.append(f"| {label} | {b.mean():.2f} | " + " | ".join(cells) + " |")
    lines.append("")
    return lines


def plot_cumulative(ex, out):
    cum = ex["cumulative"]
    cum = cum[cum.group == "all"]
    if cum.empty:
        return False
    names = list(ex["info"].scenario)
    fig, axes = plt.subplots(1, 3, figsize=(16, 5.2), sharey=True)
    reps = int(ex["info"].replicates.min())
    for ax, outcome in zip(axes, pr.OUTCOMES):
        for i, name in enumerate(names):
            s = cum[(cum.scenario == name) & (cum.outcome == outcome)]
            st = s.groupby("month").pct.agg(["mean", "min", "max"])
            years = np.concatenate([[0.0], st.index / 12])
            ax.plot(years, np.concatenate([[0.0], st["mean"]]), color=colour(i), linewidth=2,
                    linestyle="--" if i == 0 else "-", label=name + (" (baseline)" if i == 0 and len(names) > 1 else ""))
            if reps > 1:
                ax.fill_between(years, np.concatenate([[0.0], st["min"]]), np.concatenate([[0.0], st["max"]]),
                                color=colour(i), alpha=0.18, linewidth=0)
        ax.set_title(pr.OUTCOME_LABELS[outcome], fontsize=13)
        ax.set_xlabel("Years since release", fontsize=11)
        ax.set_ylim(0, 100)
        ax.set_xlim(0, cum.month.max() / 12)
        ax.grid(True, alpha=0.3)
    axes[0].set_ylabel("Cumulative % of released cohort", fontsize=11)
    axes[0].legend(loc="upper left", fontsize=10)
    band = "; band: min-max over replicates" if reps > 1 else ""
    fig.suptitle(f"Cumulative recidivism, all released persons ({int(ex['info'].people.iloc[0]):,} people, "
                 f"{reps} replicate(s){band})", fontsize=13)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def plot_differences(ex, out):
    d = ex["differences"]
    d = d[(d.group == "all") & d.measure.isin(pr.OUTCOMES) & d.period.str.startswith("y")].copy()
    d["year"] = d.period.str[1:].astype(int)
    alts = list(dict.fromkeys(d.scenario))
    fig, axes = plt.subplots(1, 3, figsize=(16, 5.2), sharey=True)
    width = 0.8 / max(len(alts), 1)
    for ax, outcome in zip(axes, pr.OUTCOMES):
        for i, name in enumerate(alts):
            s = d[(d.scenario == name) & (d.measure == outcome)]
            x = s.year + (i - (len(alts) - 1) / 2) * width
            ax.errorbar(x, s["mean"], yerr=[s["mean"] - s.lo, s.hi - s["mean"]], fmt="o", color=colour(i + 1),
                        capsize=4, markersize=6, linewidth=2, label=name)
        ax.axhline(0, color="black", linewidth=1)
        ax.set_title(pr.OUTCOME_LABELS[outcome], fontsize=13)
        ax.set_xlabel("Years since release", fontsize=11)
        ax.set_xticks(sorted(d.year.unique()))
        ax.grid(True, axis="y", alpha=0.3)
    axes[0].set_ylabel("Difference vs baseline (percentage points)", fontsize=11)
    axes[0].legend(fontsize=10)
    ex_info = ex["experiment"]
    how = "common random numbers" if ex_info["common_random_numbers"] else "independent seeds"
    fig.suptitle(f"Scenario minus baseline '{ex_info['baseline']}', all released persons: mean and 95% interval "
                 f"over {ex_info['replicates']} paired replicates ({how})", fontsize=13)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def plot_groups(ex, out):
    """The effect by group (sex, age band, risk level, offence) at the last year, for each scenario: arrest,
    conviction and return to prison, mean and 95% interval."""
    d = ex["differences"]
    last = last_year(d)
    d = d[d.measure.isin(pr.OUTCOMES) & (d.period == last)]
    groups = [g for g in ["all"] + BRIEF_GROUPS if g in set(d.group)]
    alts = list(dict.fromkeys(d.scenario))
    fig, axes = plt.subplots(1, 3, figsize=(16, 0.36 * len(groups) + 2.6), sharey=True)
    height = 0.8 / max(len(alts), 1)
    for ax, outcome in zip(axes, pr.OUTCOMES):
        for i, name in enumerate(alts):
            s = d[(d.scenario == name) & (d.measure == outcome)].set_index("group").reindex(groups)
            y = np.arange(len(groups)) + (i - (len(alts) - 1) / 2) * height
            ax.errorbar(s["mean"], y, xerr=[s["mean"] - s.lo, s.hi - s["mean"]], fmt="o", color=colour(i + 1),
                        capsize=3, markersize=5, label=name)
        ax.axvline(0, color="black", linewidth=1)
        ax.set_title(f"{pr.OUTCOME_LABELS[outcome]} by year {last[1:]}", fontsize=12)
        ax.set_xlabel("Difference vs baseline (percentage points, 95% interval)", fontsize=10)
        ax.grid(True, axis="x", alpha=0.3)
    axes[0].set_yticks(np.arange(len(groups)))
    axes[0].set_yticklabels(groups, fontsize=10)
    axes[0].invert_yaxis()
    fig.legend(*axes[0].get_legend_handles_labels(), loc="lower center", ncol=min(len(alts), 4), fontsize=10,
               frameon=False)
    fig.suptitle("Who benefits: the effect by group", fontsize=13)
    fig.tight_layout(rect=(0, 0.06 + 0.02 * ((len(alts) - 1) // 4), 1, 1))
    fig.savefig(out, dpi=110)
    plt.close(fig)


def cost_stack(ex):
    """The parts of the stacked cost bars: scenario, category, per_person_usd (mean over replicates; taxes on
    earnings negative), and per scenario the public total they add up to (category "public")."""
    costs = ex["costs"]
    names = list(ex["info"].scenario)
    mean = costs.groupby(["scenario", "category"]).per_person_usd.mean().unstack().reindex(names)
    rows = []
    for name in names:
        for cat in COST_CATEGORIES + ["public"]:
            if cat in mean.columns:
                rows.append({"scenario": name, "category": cat, "per_person_usd": float(mean.loc[name, cat])})
    return pd.DataFrame(rows)


def plot_costs(ex, out):
    """Public costs stacked by category (taxes gained below zero, a black mark at the net public total),
    victim costs, and the cost differences with 95% intervals. Also writes costs_stacked.csv beside the
    figure: the parts drawn and the totals they add up to."""
    stack = cost_stack(ex)
    stack.to_csv(os.path.join(os.path.dirname(out), "costs_stacked.csv"), index=False)
    names = list(ex["info"].scenario)
    value = stack.set_index(["scenario", "category"]).per_person_usd
    has_diff = not ex["differences"].empty
    fig, axes = plt.subplots(1, 3 if has_diff else 2, figsize=(19 if has_diff else 13, 6.2), squeeze=False,
                             gridspec_kw={"width_ratios": [3, 1.6, 3] if has_diff else [3, 1.6]})
    ax = axes[0][0]
    x = np.arange(len(names))
    up, down = np.zeros(len(names)), np.zeros(len(names))
    for cat in PUBLIC_CATEGORIES:
        if (names[0], cat) not in value.index:
            continue
        vals = np.array([value[(n, cat)] for n in names]) / 1000
        base = np.where(vals >= 0, up, down)
        ax.bar(x, vals, bottom=base, color=COST_COLOURS[cat], label=COST_LABELS[cat], edgecolor="white",
               linewidth=0.5)
        up += np.where(vals >= 0, vals, 0)
        down += np.where(vals < 0, vals, 0)
    public = np.array([value[(n, "public")] for n in names]) / 1000
    ax.scatter(x, public, marker="D", color="black", zorder=5, s=36, label="net public cost")
    for xi, v in zip(x, public):
        ax.annotate(f"{v:,.1f}k", (xi, up[xi]), textcoords="offset points", xytext=(0, 4), ha="center",
                    fontsize=9)
    ax.axhline(0, color="black", linewidth=1)
    ax.set_xticks(x)
    ax.set_xticklabels(names, rotation=20, ha="right", fontsize=10)
    ax.set_ylabel("Thousand USD (2023) per released person, follow-up", fontsize=11)
    ax.set_title("Public costs per person by category (taxes gained below zero)", fontsize=12)
    ax.set_ylim(down.min() * 1.15, up.max() * 1.12)
    ax.legend(fontsize=9, loc="upper left", bbox_to_anchor=(0, -0.22), ncol=3, frameon=False)
    ax.grid(True, axis="y", alpha=0.3)
    ax = axes[0][1]
    if (names[0], "victim") in value.index:
        ax.bar(x, [value[(n, "victim")] / 1000 for n in names], color=COST_COLOURS["victim"], label="victims")
    ax.set_xticks(x)
    ax.set_xticklabels(names, rotation=20, ha="right", fontsize=10)
    ax.set_ylabel("Thousand USD (2023) per released person, follow-up", fontsize=11)
    ax.set_title("Victim costs per person", fontsize=12)
    ax.grid(True, axis="y", alpha=0.3)
    if has_diff:
        ax = axes[0][2]
        d = ex["differences"]
        d = d[d.measure.str.startswith("cost_")]
        measures = ["cost_public_per_person", "cost_victim_per_person", "cost_total_per_person"]
        alts = list(dict.fromkeys(d.scenario))
        width = 0.8 / max(len(alts), 1)
        for i, name in enumerate(alts):
            s = d[d.scenario == name].set_index("measure").reindex(measures)
            xs = np.arange(len(measures)) + (i - (len(alts) - 1) / 2) * width
            ax.errorbar(xs, s["mean"] / 1000, yerr=[(s["mean"] - s.lo) / 1000, (s.hi - s["mean"]) / 1000], fmt="o",
                        color=colour(i + 1), capsize=4, markersize=6, linewidth=2, label=name)
        ax.axhline(0, color="black", linewidth=1)
        ax.set_xticks(range(len(measures)))
        ax.set_xticklabels(["public", "victim", "total"], fontsize=11)
        ax.set_xlabel("Cost (USD 2023 per released person, follow-up)", fontsize=11)
        ax.set_ylabel("Difference vs baseline, thousand USD per person", fontsize=11)
        ax.set_title("Cost differences (95% interval)", fontsize=12)
        ax.grid(True, axis="y", alpha=0.3)
        ax.legend(fontsize=10, loc="upper left", bbox_to_anchor=(0, -0.12), ncol=2, frameon=False)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def plot_sobol(sweep, out):
    outputs = [(name, o) for name, o in sweep["outputs"].items() if "sobol" in o]
    params = [p["path"] for p in sweep["parameters"]]
    fig, axes = plt.subplots(1, len(outputs), figsize=(5.5 * len(outputs), 0.45 * len(params) + 2.8), squeeze=False,
                             sharey=True)
    y = np.arange(len(params))
    for ax, (name, o) in zip(axes[0], outputs):
        for k, (order, label, c) in enumerate([("first", "first order S1", "tab:blue"),
                                               ("total", "total order ST", "tab:orange")]):
            est = np.array([o["sobol"][p][order]["estimate"] for p in params])
            lo = np.array([o["sobol"][p][order]["lo"] for p in params])
            hi = np.array([o["sobol"][p][order]["hi"] for p in params])
            ax.barh(y + (k - 0.5) * 0.38, est, height=0.36, color=c, label=label,
                    xerr=[np.maximum(est - lo, 0), np.maximum(hi - est, 0)], capsize=3)
        ax.axvline(0, color="black", linewidth=1)
        ax.set_title(name, fontsize=11)
        ax.set_xlabel("Sobol index (95% bootstrap interval)", fontsize=10)
        ax.set_xlim(min(-0.05, ax.get_xlim()[0]), max(1.0, ax.get_xlim()[1]))
        ax.grid(True, axis="x", alpha=0.3)
    axes[0][0].set_yticks(y)
    axes[0][0].set_yticklabels(params, fontsize=10)
    axes[0][0].invert_yaxis()
    axes[0][0].legend(fontsize=9, loc="lower right")
    fig.suptitle(f"Sobol sensitivity indices: {sweep['points']} runs of the Saltelli design, "
                 f"{sweep['replicates']} replicate(s) each", fontsize=12)
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)


def plot_sweep_scatter(design, outputs, out):
    params = [c for c in design.columns if c != "point" and not c.startswith("u_")]
    names = list(dict.fromkeys(outputs.output))
    wide = outputs.pivot(index="point", columns="output", values="value").reindex(design.point)
    fig, axes = plt.subplots(len(names), len(params), figsize=(3.6 * len(params), 2.9 * len(names)), squeeze=False)
    for i, name in enumerate(names):
        for j, p in enumerate(params):
            ax = axes[i][j]
            ax.scatter(design[p], wide[name].values, s=8, alpha=0.6, color=colour(j + 1))
            if i == len(names) - 1:
                ax.set_xlabel(p.split(".", 1)[-1], fontsize=9)
            if j == 0:
                ax.set_ylabel(name, fontsize=9)
            ax.grid(True, alpha=0.3)
            ax.tick_params(labelsize=8)
    fig.suptitle("Sweep outputs against each parameter (one dot per point, mean over replicates)", fontsize=12)
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    plt.close(fig)


def sweep_report(path, outdir):
    e = pr.experiment(path)
    design = pr.sweep_design(path)
    outputs = pr.sweep_outputs(path)
    figures = []
    sweep_json = os.path.join(outdir, "sweep.json")
    sweep = None
    if os.path.isfile(sweep_json):
        import json
        with open(sweep_json) as f:
            sweep = json.load(f)
    lines = [f"# Pathways sweep report: `{os.path.basename(path)}`", "",
             f"{len(design)} points x {e['replicates']} replicate(s); parameters:", ""]
    lines += [f"- `{p}`: {design[p].min():g} to {design[p].max():g}" for p in design.columns
              if p != "point" and not p.startswith("u_")]
    lines.append("")
    if sweep and any("sobol" in o for o in sweep["outputs"].values()):
        plot_sobol(sweep, os.path.join(outdir, "sobol.png"))
        figures.append(("Sobol indices", "sobol.png"))
        lines += ["## Sobol indices (95% bootstrap intervals)", "",
                  "| output | parameter | first order S1 | total order ST |", "|---|---|---|---|"]
        for name, o in sweep["outputs"].items():
            for p, v in o.get("sobol", {}).items():
                f_, t_ = v["first"], v["total"]
                lines.append(f"| {name} | `{p}` | {f_['estimate']:.3f} [{f_['lo']:.3f}, {f_['hi']:.3f}] | "
                             f"{t_['estimate']:.3f} [{t_['lo']:.3f}, {t_['hi']:.3f}] |")
        lines.append("")
    elif sweep is None:
        lines += ["(Sobol indices: run `pathways report`, which computes them, rather than this script alone.)", ""]
    plot_sweep_scatter(design, outputs, os.path.join(outdir, "outputs.png"))
    figures.append(("Outputs against parameters", "outputs.png"))
    lines += ["## Outputs over the points", "", "| output | unit | min | mean | max |", "|---|---|---:|---:|---:|"]
    for name, g in outputs.groupby("output", sort=False):
        lines.append(f"| {name} | {g.unit.iloc[0]} | {g.value.min():.4g} | {g.value.mean():.4g} | {g.value.max():.4g} |")
    lines.append("")
    lines += ["## Figures", ""]
    for title, f in figures:
        lines += [f"### {title}", "", f"![{title}]({f})", ""]
    return figures, "\n".join(lines)


def calibration_report(path, outdir):
    """posterior.png (weighted histogram of each fitted parameter over its prior range) and fit.png
    (simulated minus target per target number), and the Markdown of both tables."""
    params = pr.calibration_parameters(path)
    post = pr.calibration_posterior(path)
    gens = pr.calibration_generations(path)
    fit = pr.calibration_fit(path)
    with h5py.File(path, "r") as f:
        g = f["experiment"]["calibration"]
        attrs = {k: pr._text(v) if isinstance(v, (bytes, str)) else v for k, v in g.attrs.items()}
        rmse = float(g["fit"].attrs["rmse"])
    n = len(params)
    cols = min(3, n)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 3.0 * rows), squeeze=False)
    for ax, (_, p) in zip(axes.flat, params.iterrows()):
        x = post[p.path]
        bins = np.geomspace(p.lo, p.hi, 25) if p.log_scale else np.linspace(p.lo, p.hi, 25)
        ax.hist(x, bins=bins, weights=post.weight, color=colour(0), alpha=0.8)
        ax.axvline(p.point, color="black", lw=1.2, label=f"written {p.point:.4g}")
        if p.log_scale:
            ax.set_xscale("log")
        ax.set_xlim(p.lo, p.hi)
        ax.set_title(p.path, fontsize=9)
        ax.set_xlabel(p.unit, fontsize=8)
        ax.tick_params(labelsize=7)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[n:]:
        ax.axis("off")
    fig.suptitle(f"Posterior ({len(post)} particles, weighted) over each prior range", fontsize=11)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "posterior.png"), dpi=100)
    plt.close(fig)
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.22 * len(fit) + 1)))
    ax.barh(range(len(fit)), fit.error, color=[colour(0) if e >= 0 else colour(1) for e in fit.error])
    ax.set_yticks(range(len(fit)))
    ax.set_yticklabels(fit.target_id, fontsize=7)
    ax.invert_yaxis()
    ax.axvline(0, color="black", lw=0.8)
    ax.set_xlabel("simulated minus target, percentage points")
    ax.set_title(f"Fit of the calibrated scenario: RMSE {rmse:.2f} pp", fontsize=11)
    fig.tight_layout()
    fig.savefig(os.path.join(outdir, "fit.png"), dpi=100)
    plt.close(fig)
    figures = [("Posterior", "posterior.png"), ("Fit", "fit.png")]
    ppc_lines = posterior_predictive_figure(path, outdir)
    if ppc_lines:
        figures.append(("Posterior predictive check", "ppc.png"))
    lines = [f"# Pathways calibration report: `{os.path.basename(path)}`", "",
             f"{attrs.get('method')}: {attrs.get('particles')} particles, {attrs.get('evaluations')} evaluations of "
             f"{attrs.get('people')} people x {attrs.get('replicates')} replicate(s); {attrs.get('stop_reason')}.",
             "Tolerance by generation (RMSE, pp): " + ", ".join(f"{t:.3g}" for t in gens.tolerance) + ".", "",
             "| parameter | unit | prior | mean | sd | 5% | 95% | written |", "|---|---|---|---:|---:|---:|---:|---|"]
    for _, p in params.iterrows():
        lines.append(f"| `{p.path}` | {p.unit} | [{p.lo:.4g}, {p.hi:.4g}]{' log' if p.log_scale else ''} | "
                     f"{p['mean']:.4g} | {p.sd:.4g} | {p.q05:.4g} | {p.q95:.4g} | `{p.point_text}` |")
    lines += ["", f"## Fit (RMSE {rmse:.2f} percentage points)", "", "| target | file | target | simulated | error |",
              "|---|---|---:|---:|---:|"]
    for _, r in fit.iterrows():
        lines.append(f"| {r.target_id} | {r.target_file} | {r.target:.1f} | {r.simulated:.1f} | {r.error:+.1f} |")
    lines += ppc_lines
    lines += ["", "## Figures", ""]
    for title, f in figures:
        lines += [f"### {title}", "", f"![{title}]({f})", ""]
    return figures, "\n".join(lines)


def posterior_predictive_figure(path, outdir):
    """ppc.png: for each target row (outcome x group), the 5-95% posterior predictive band over years
    1-5 and the BJS values; returns the Markdown lines of the check, or [] when the file has none
    (tools/calibrate-baseline writes it)."""
    with h5py.File(path, "r") as f:
        g = f["experiment"]["calibration"]
        if "ppc" not in g:
            return []
        p = g["ppc"]
        ids = [pr._text(s) for s in p["target_id"][()]]
        target, lo, hi, sim = p["target"][()], p["lo"][()], p["hi"][()], p["simulated"][()]
        covered = p["covered"][()].astype(bool)
        attrs = dict(p.attrs)
    rows = []  # (outcome.group, [indices by year])
    for k, i in enumerate(ids):
        key = i.rsplit(".", 1)[0]
        if not rows or rows[-1][0] != key:
            rows.append((key, []))
        rows[-1][1].append(k)
    cols = 6
    nrows = (len(rows) + cols - 1) // cols
    fig, axes = plt.subplots(nrows, cols, figsize=(2.6 * cols, 2.1 * nrows), squeeze=False, sharex=True)
    years = np.arange(1, 6)
    for ax, (key, idx) in zip(axes.flat, rows):
        ax.fill_between(years, lo[idx], hi[idx], color=colour(1), alpha=0.35, label="posterior predictive 90%")
        ax.plot(years, np.median(sim[:, idx], axis=0), color=colour(1), lw=1)
        ok = covered[idx]
        ax.plot(years[ok], target[idx][ok], "o", color="black", ms=3.5, label="BJS 2008 (covered)")
        ax.plot(years[~ok], target[idx][~ok], "x", color=colour(4), ms=5, label="BJS 2008 (not covered)")
        outcome, group = key.split(".", 1)
        ax.set_title(f"{outcome.replace('_', ' ')}: {group}", fontsize=7.5)
        ax.set_ylim(0, 100)
        ax.tick_params(labelsize=6.5)
    for ax in axes[-1]:
        ax.set_xlabel("years since release", fontsize=7)
    for ax in axes[:, 0]:
        ax.set_ylabel("cumulative %", fontsize=7)
    for ax in list(axes.flat)[len(rows):]:
        ax.axis("off")
    handles, labels = axes.flat[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower right", fontsize=8, frameon=False)
    coverage = float(attrs.get("coverage_pct", 100.0 * covered.mean()))
    fig.suptitle(f"Posterior predictive check: {int(attrs.get('draws', sim.shape[0]))} posterior draws at "
                 f"{int(attrs.get('people', 0)):,} people; the 90% band covers {covered.sum()} of {len(ids)} "
                 f"BJS numbers ({coverage:.1f}%)", fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    fig.savefig(os.path.join(outdir, "ppc.png"), dpi=100)
    plt.close(fig)
    lines = ["", f"## Posterior predictive check ({covered.sum()} of {len(ids)} covered, {coverage:.1f}%)", "",
             "| target | BJS | 5% | 95% | covered |", "|---|---:|---:|---:|---|"]
    for k, i in enumerate(ids):
        lines.append(f"| {i} | {target[k]:.1f} | {lo[k]:.1f} | {hi[k]:.1f} | {'yes' if covered[k] else 'no'} |")
    return lines


def fmt_interval(row, decimals):
    if np.isnan(row.lo):
        return f"{row['mean']:+.{decimals}f}"
    star = " *" if excludes_zero(row, decimals) else ""
    return f"{row['mean']:+,.{decimals}f} [{row.lo:+,.{decimals}f}, {row.hi:+,.{decimals}f}]{star}"


def fmt_ratio(row, decimals):
    """A cost-effectiveness ratio with its Fieller interval, honest when it has no finite bounds."""
    if np.isnan(row["mean"]):
        return NOT_DEFINED
    est = f"{row['mean']:,.{decimals}f}"
    if np.isinf(row.lo) or np.isinf(row.hi):
        return f"{est} (95% interval unbounded: the denominator could be zero)"
    if np.isnan(row.lo):
        return f"{est} (no interval)"
    return f"{est} [{row.lo:,.{decimals}f}, {row.hi:,.{decimals}f}]"


def summary_markdown(path, ex, figures, brief=None):
    info = ex["info"]
    lines = [f"# Pathways report: `{os.path.basename(path)}`", ""]
    e = ex["experiment"]
    if brief:
        lines += brief + ["![The brief](brief.png)", ""]
    if e:
        how = "common random numbers (every scenario sees the same draws)" if e["common_random_numbers"] \
            else "independent seed streams"
        lines += [f"Comparison of {len(info) - 1} scenario(s) against the baseline **{e['baseline']}**: "
                  f"{int(info.people.iloc[0]):,} people, {int(info.weeks.iloc[0])} weeks, {e['replicates']} replicates "
                  f"each, {how}. Intervals are 95% Student t intervals of the paired differences over replicates; "
                  "`*` marks an interval that excludes zero.", ""]
    else:
        lines += [f"One scenario, **{info.scenario.iloc[0]}**: {int(info.people.iloc[0]):,} people, "
                  f"{int(info.weeks.iloc[0])} weeks, {int(info.replicates.iloc[0])} replicate(s).", ""]
    lines += ["| scenario | description |", "|---|---|"]
    lines += [f"| {r.scenario} | {r.description} |" for r in info.itertuples()]
    lines.append("")
    cum = ex["cumulative"]
    cum = cum[(cum.group == "all") & (cum.month % 12 == 0)]
    table = cum.groupby(["scenario", "outcome", "month"]).pct.mean().unstack("month")
    lines += ["## Cumulative percent, all released persons (mean over replicates)", "",
              "| scenario | outcome | " + " | ".join(f"y{m // 12}" for m in table.columns) + " |",
              "|---|---|" + "---:|" * len(table.columns)]
    for name in info.scenario:
        for outcome in pr.OUTCOMES:
            if (name, outcome) in table.index:
                vals = table.loc[(name, outcome)]
                lines.append(f"| {name} | {outcome} | " + " | ".join(f"{v:.1f}" for v in vals) + " |")
    lines.append("")
    if not ex["differences"].empty:
        d = ex["differences"]
        years = [p for p in d.period.unique() if p.startswith("y")]
        last = max(years, key=lambda p: int(p[1:])) if years else "follow-up"
        lines += [f"## Differences against the baseline (scenario minus baseline)", "",
                  f"| scenario | arrest by {last} (pp) | conviction by {last} (pp) | return to prison by {last} (pp) "
                  "| public cost / person (USD) | total cost incl. victims / person (USD) |",
                  "|---|---|---|---|---|---|"]
        best = []
        for name in dict.fromkeys(d.scenario):
            s = d[(d.scenario == name) & (d.group == "all")].set_index(["measure", "period"])
            row = lambda m, p, dec: fmt_interval(s.loc[(m, p)], dec) if (m, p) in s.index else "-"  # noqa: E731
            lines.append(f"| {name} | {row('arrest', last, 1)} | {row('conviction', last, 1)} | "
                         f"{row('return_prison', last, 1)} | {row('cost_public_per_person', 'follow-up', 0)} | "
                         f"{row('cost_total_per_person', 'follow-up', 0)} |")
            if ("return_prison", last) in s.index:
                best.append((s.loc[("return_prison", last)]["mean"], name, s.loc[("return_prison", last)]))
        lines.append("")
        ratios = d[d.measure.isin(["benefit_cost_ratio", "public_cost_per_arrest_averted"])]
        if len(ratios):
            lines += ["Cost-effectiveness (ratios of the mean paired differences, 95% Fieller intervals over "
                      "replicates): the benefit-cost ratio is what a scenario saves in custody, supervision, courts "
                      "and victim costs plus the taxes it gains, over what it spends more on programmes, housing and "
                      "hiring incentives; public cost per arrest averted is negative when the scenario saves money.",
                      "", "| scenario | benefit-cost ratio | public cost per arrest averted (USD) |", "|---|---|---|"]
            for name in dict.fromkeys(ratios.scenario):
                r = ratios[ratios.scenario == name].set_index("measure")
                cell = lambda m, dec: fmt_ratio(r.loc[m], dec) if m in r.index else "-"  # noqa: E731
                lines.append(f"| {name} | {cell('benefit_cost_ratio', 2)} | {cell('public_cost_per_arrest_averted', 0)} |")
            lines.append("")
        lines += treated_markdown(ex) + group_markdown(ex) + families_markdown(ex)
        if best:
            best.sort()
            m, name, r = best[0]
            certain = "its 95% interval excludes zero" if (r.hi < 0 or r.lo > 0) else \
                "but its 95% interval includes zero, so more replicates are needed to be sure"
            lines += [f"Largest reduction in return to prison by {last}: **{name}**, {m:+.1f} percentage points "
                      f"({certain}).", ""]
    lines += ["## Figures", ""]
    for title, f in figures:
        lines += [f"### {title}", "", f"![{title}]({f})", ""]
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Figures and a Markdown summary of a Pathways results file.")
    ap.add_argument("file", help="results or experiment file (.h5)")
    ap.add_argument("-o", "--output", required=True, help="output folder")
    ap.add_argument("--rank-by", default="public_cost_per_arrest_averted", choices=list(RANK_BY),
                    help="the measure that ranks the brief of a compare file (default: public cost per arrest averted)")
    args = ap.parse_args(argv)
    if not os.path.isfile(args.file):
        print(f"error: {args.file}: missing file: no such results file", file=sys.stderr)
        return 2
    # `pathways report` checks the file first (sim/app/io/results_check.hpp); run
    # directly, a damaged file still gives a message and exit 2, not a traceback.
    try:
        return report(args)
    except (OSError, KeyError, ValueError, IndexError, TypeError) as e:
        print(f"error: {args.file}: damaged or incomplete results file: {type(e).__name__}: {e}", file=sys.stderr)
        return 2


def report(args):
    """Writes the figures and summary.md of args.file into args.output."""
    os.makedirs(args.output, exist_ok=True)
    ex_info = pr.experiment(args.file) if os.path.isfile(args.file) else None
    if ex_info and ex_info.get("kind") in ("sweep", "calibrate"):
        kind_report = sweep_report if ex_info["kind"] == "sweep" else calibration_report
        figures, text = kind_report(args.file, args.output)
        md = os.path.join(args.output, "summary.md")
        with open(md, "w") as f:
            f.write(text)
        for _, name in figures:
            print(f"wrote {os.path.join(args.output, name)}")
        print(f"wrote {md}")
        return 0
    try:
        ex = pr.load_experiment(args.file)
    except (OSError, KeyError, ValueError) as e:
        print(f"error: {args.file}: {e}", file=sys.stderr)
        return 2
    os.makedirs(args.output, exist_ok=True)
    ex["path"] = args.file
    figures = []
    brief = None
    if not ex["differences"].empty:
        brief, rows, last = brief_markdown(ex, args.rank_by)
        plot_brief(ex, rows, last, args.rank_by, os.path.join(args.output, "brief.png"))
        figures.append(("The brief", "brief.png"))

    def save(title, name, fn):
        if fn(ex, os.path.join(args.output, name)) is not False:
            figures.append((title, name))

    save("Cumulative recidivism per scenario", "cumulative.png", plot_cumulative)
    d = ex["differences"]
    has_years = not d.empty and d.period.str.startswith("y").any()  # none when the horizon is under a year
    if has_years:
        save("Differences against the baseline", "differences.png", plot_differences)
        save("Effect by group", "groups.png", plot_groups)
        save("Effect on the treated", "treated.png", plot_treated)
    elif not d.empty:
        pass  # costs and events only: costs.png shows them
    else:
        pr.plot_curves(args.file, os.path.join(args.output, "cumulative_by_sex.png"), ex["info"].scenario.iloc[0])
        figures.append(("Cumulative recidivism by sex", "cumulative_by_sex.png"))
    if len(ex["costs"]):
        save("Costs", "costs.png", plot_costs)
    md = os.path.join(args.output, "summary.md")
    with open(md, "w") as f:
        f.write(summary_markdown(args.file, ex, figures, brief))
    for _, name in figures:
        print(f"wrote {os.path.join(args.output, name)}")
    print(f"wrote {md}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
