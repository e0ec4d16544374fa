"""Example: /usr/bin/python3 results/example.py results/baseline.h5"""
import sys

from pathways_results import load_cumulative, load_persons, load_weekly, parameters

path = sys.argv[1] if len(sys.argv) > 1 else "results/baseline.h5"
cum = load_cumulative(path)
year = cum[(cum.month % 12 == 0) & (cum.group == "all")].assign(year=lambda d: d.month // 12)
print(year.groupby(["outcome", "year"]).pct.mean().unstack().round(1))    # BJS-style table
weekly = load_weekly(path)
print(weekly.groupby("week")[["arrests", "in_prison"]].mean().iloc[::52])  # once a year
persons = load_persons(path)
print(persons.groupby("risk_level").arrests.mean().round(2))             # arrests by risk level
params = parameters(path)
print(params[params.path.str.startswith("justice.courts")][["path", "value", "unit"]])
