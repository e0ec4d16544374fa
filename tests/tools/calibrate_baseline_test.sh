#!/bin/sh
# CTest tools.calibrate_baseline: tools/calibrate-baseline runs a stage through
# `pathways calibrate` (a tiny spec: 4 particles, 2 generations, 300 people) and
# writes the posterior means, their spread and the stage line into a scenario's
# calibrated block, keeps the values it did not fit, records the check's fit
# line, and leaves a scenario that validates. A tiny justice stage (smc-mcmc)
# is followed by the posterior predictive check (4 draws, 1000 people), which is
# written into the stage file and drawn by results/report.py (ppc.png).
#   usage: calibrate_baseline_test.sh SOURCE_DIR PATHWAYS_BINARY
set -eu
src=$1
bin=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/base.toml" <<TOML
extends = "$src/scenarios/baseline.toml"
# BEGIN calibrated
labour.search.rate = "0.5/w"
justice.offending.base_rate = "0.07/w"
# END calibrated
TOML
mkdir "$work/specs"
cat > "$work/specs/reintegration.toml" <<TOML
scenario = "../base.toml"
particles = 4
generations = 2
people = 300
weeks = 52
seed = 3
common_random_numbers = true
min_acceptance_rate = 0.1
[[targets]]
file = "$src/data/calibration/other-targets.csv"
rows = ["ever_employed_by_month_8", "employed_at_month_8"]
[[parameter]]
path = "labour.search.rate"
lo = 0.02
hi = 0.9
log = true
TOML
cat > "$work/specs/justice.toml" <<TOML
scenario = "../base.toml"
method = "smc-mcmc"
particles = 6
generations = 2
max_moves = 1
people = 300
weeks = 260
seed = 3
common_random_numbers = true
[[targets]]
file = "$src/data/calibration/bjs-2008-24-states.csv"
rows = ["arrest.all"]
[[parameter]]
path = "justice.offending.female_effect"
lo = -1.0
hi = 0.0
TOML
/usr/bin/python3 "$src/tools/calibrate-baseline" --pathways "$bin" --scenario "$work/base.toml" \
  --specs "$work/specs" --out-dir "$work/out" --stages reintegration,justice --check-people 2000 \
  --ppc-draws 4 --ppc-people 1000
fail() { echo "FAILED: $1"; cat "$work/base.toml"; exit 1; }
grep -q '^# fit: BJS RMSE .* 2000 people' "$work/base.toml" || fail "no fit line"
grep -q '^# stage reintegration: .*calibrate-reintegration.h5, [0-9]* evaluations of 300 people' "$work/base.toml" ||
  fail "no stage line"
grep -q '^#   reintegration: posterior mean; sd ' "$work/base.toml" || fail "no posterior comment"
grep -q '^labour.search.rate = "0.[0-9]*/w"$' "$work/base.toml" || fail "no fitted value"
grep -q '^labour.search.rate = "0.5/w"$' "$work/base.toml" && fail "the fitted value was not replaced"
grep -q '^justice.offending.base_rate = "0.07/w"$' "$work/base.toml" || fail "a value not fitted was changed"
test -f "$work/out/calibrate-reintegration.h5" || fail "no stage file"
grep -q '^# posterior predictive check: 4 draws at 1000 people, the 90% interval covers [0-9]* of 145 BJS numbers' \
  "$work/base.toml" || fail "no posterior predictive line"
/usr/bin/python3 -c "import h5py, sys; p = h5py.File(sys.argv[1])['experiment/calibration/ppc']; \
assert p['simulated'].shape == (4, 145), p['simulated'].shape; assert p['lo'].shape == (145,)" \
  "$work/out/calibrate-justice.h5" || fail "no ppc group"
/usr/bin/python3 "$src/results/report.py" "$work/out/calibrate-justice.h5" -o "$work/report" >/dev/null
test -s "$work/report/ppc.png" || fail "report drew no ppc.png"
grep -q "Posterior predictive check" "$work/report/summary.md" || fail "no ppc section in summary.md"
"$bin" validate "$work/base.toml"
echo "tools.calibrate_baseline: ok"
