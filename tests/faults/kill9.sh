#!/usr/bin/env bash
# kill -9 at random moments (issue 18, item 4): run, compare, sweep and
# calibrate, at small sizes, are each killed with SIGKILL at 5 moments drawn
# (seeded) uniformly over the length of an uninterrupted run, then rerun with
# the same command. After the kill there is no final file, or a complete one
# (the kill came after the rename); the rerun must succeed and give the
# summary (inspect and inspect --json) of the uninterrupted run.
#   tests/faults/kill9.sh PATHWAYS SOURCE_DIR [SEED]
set -u
P=$1
cd "$2"
RANDOM=${3:-18}
work=$(mktemp -d /tmp/pathways-kill9.XXXXXX)
trap 'rm -rf "$work"' EXIT
bad=0
problem() { echo "FAIL: $*"; bad=1; }
summary() { { "$P" inspect "$1"; "$P" inspect --json "$1"; } 2>&1 | sed "s#$(dirname "$1")/##g"; }
now() { date +%s.%N; }

cat > "$work/sweep.toml" <<SPEC
name = "kill9"
scenario = "$PWD/scenarios/baseline.toml"
design = "grid"
replicates = 1
people = 800
weeks = 52
outputs = ["arrest.all.y1"]
[[parameter]]
path = "justice.courts.conviction_probability"
lo = 0.4
hi = 0.7
levels = 3
SPEC
cat > "$work/calibrate.toml" <<SPEC
scenario = "$PWD/scenarios/baseline.toml"
particles = 8
generations = 2
people = 500
weeks = 52
seed = 3
min_acceptance_rate = 0.1
[[targets]]
file = "$PWD/data/calibration/other-targets.csv"
rows = ["ever_employed_by_month_8", "employed_at_month_8"]
[[parameter]]
path = "labour.search.rate"
lo = 0.02
hi = 0.9
log = true
SPEC

declare -A cmds=(
  [run]="run scenarios/baseline.toml --people 2000 --weeks 52 --reps 3 -q --threads 2"
  [compare]="compare scenarios/baseline.toml scenarios/rnr-treatment.toml --people 600 --weeks 52 --reps 2 -q --threads 2"
  [sweep]="sweep $work/sweep.toml -q --threads 2"
  [calibrate]="calibrate $work/calibrate.toml -q --threads 2"
)
for kind in run compare sweep calibrate; do
  cmd=${cmds[$kind]}
  mkdir -p "$work/ref" "$work/$kind"
  start=$(now)
  "$P" $cmd -o "$work/ref/$kind.h5" > "$work/ref.log" 2>&1 || { problem "$kind: $(cat "$work/ref.log")"; continue; }
  length=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
  ref=$(summary "$work/ref/$kind.h5")
  moments=""
  for trial in 1 2 3 4 5; do
    out="$work/$kind/$kind.h5"
    rm -rf "$work/$kind"/*
    at=$(awk -v l="$length" -v r=$((RANDOM % 1000)) 'BEGIN { printf "%.3f", l * r / 1000 }')
    moments="$moments ${at}s"
    "$P" $cmd -o "$out" > "$work/killed.log" 2>&1 &
    pid=$!
    sleep "$at"
    kill -9 $pid 2>/dev/null
    wait $pid 2>/dev/null
    if [ -e "$out" ]; then
      "$P" inspect "$out" > /dev/null 2>&1 || problem "$kind: killed at ${at}s left a damaged final file"
    fi
    "$P" $cmd -o "$out" > "$work/rerun.log" 2>&1 || problem "$kind: rerun after a kill at ${at}s: $(cat "$work/rerun.log")"
    [ "$(summary "$out")" = "$ref" ] || problem "$kind: killed at ${at}s, the rerun's summary differs"
    if ls "$work/$kind" | grep -Eq "\.part|\.lock|\.tasks"; then
      problem "$kind: left after the rerun: $(ls "$work/$kind")"
    fi
  done
  echo "$kind: uninterrupted ${length}s; killed at$moments; every rerun matched"
done
[ $bad = 0 ] && echo "kill -9: all cases passed"
exit $bad
