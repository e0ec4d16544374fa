#!/usr/bin/env bash
# Disk full (issue 18, item 4): run, compare and sweep write into a small tmpfs.
# Each must exit non-zero with one message naming the reason ("No space left
# on device"), without terminate, a crash or HDF5's "H5Dclose failed" cascade,
# leave no final file (an earlier file stays byte-identical) and no partial
# file, only the task journal of an experiment; once there is space, the same
# command finishes, resuming from the journal, with the summary of a run that
# never failed.
#   tests/faults/disk_full.sh PATHWAYS SOURCE_DIR
# Exit 77 (CTest SKIP_RETURN_CODE) when a tmpfs cannot be mounted (not root,
# or no mount privilege in this container).
set -u
P=$1
cd "$2"
[ "$(id -u)" = 0 ] || { echo "skipped: mounting a tmpfs needs root"; exit 77; }
work=$(mktemp -d /tmp/pathways-disk-full.XXXXXX)
mnt=$work/mnt
mkdir -p "$mnt" "$work/ref"
cleanup() { umount "$mnt" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null || { echo "skipped: cannot mount a tmpfs here"; exit 77; }
bad=0
say() { echo "$*"; }
problem() { echo "FAIL: $*"; bad=1; }
resize() { mount -o remount,size="$1" "$mnt" || problem "remount to $1"; }
# The summary without the file's own path.
summary() { "$P" inspect --json "$1" | sed "s#$(dirname "$1")/##g"; }

# A failed command: non-zero, one message with the reason, nothing left but $3 (a journal or nothing).
expect_full() {  # label rc log final [earlier-md5]
  local label=$1 rc=$2 log=$3 final=$4 earlier=${5:-}
  [ "$rc" -ne 0 ] || problem "$label: exit 0 on a full disk"
  [ "$rc" -lt 128 ] || problem "$label: killed by signal $((rc - 128))"
  grep -q "No space left on device" "$log" || problem "$label: no 'No space left on device' in: $(cat "$log")"
  grep -q "^error: " "$log" || problem "$label: no error line"
  if grep -Eq "terminate called|H5Dclose failed|HDF5-DIAG|Segmentation" "$log"; then
    problem "$label: HDF5 noise or a crash: $(cat "$log")"
  fi
  [ "$(grep -c '^error: ' "$log")" -eq 1 ] || problem "$label: more than one error line"
  if [ -n "$earlier" ]; then
    [ "$(md5sum < "$final")" = "$earlier" ] || problem "$label: the earlier $final changed"
    grep -q "earlier .* is intact" "$log" || problem "$label: the message does not say the earlier file is intact"
  else
    [ ! -e "$final" ] || problem "$label: a final file $final was left"
  fi
  if ls "$mnt" | grep -q "\.part"; then problem "$label: a partial file was left: $(ls "$mnt")"; fi
  say "$label: exit $rc, $(grep '^error: ' "$log" | cut -c1-160)..."
}

# 1. run, no earlier file; then with space.
run="run scenarios/baseline.toml --people 1000 --weeks 52 --reps 2 -q --threads 2"
"$P" $run -o "$mnt/run.h5" > "$work/log" 2>&1
expect_full "run (no earlier file)" $? "$work/log" "$mnt/run.h5"
resize 16m
"$P" $run -o "$mnt/run.h5" > "$work/log" 2>&1 || problem "run with space: $(cat "$work/log")"
"$P" $run -o "$work/ref/run.h5" > /dev/null 2>&1
[ "$(summary "$mnt/run.h5")" = "$(summary "$work/ref/run.h5")" ] || problem "run with space: summary differs"

# 2. run over an earlier file, which must stay as it was.
earlier=$(md5sum < "$mnt/run.h5")
used=$(du -k "$mnt" | tail -1 | cut -f1)
resize "$((used + 600))k"
"$P" run scenarios/baseline.toml --people 1500 --weeks 52 --reps 2 -q -o "$mnt/run.h5" > "$work/log" 2>&1
expect_full "run (earlier file)" $? "$work/log" "$mnt/run.h5" "$earlier"
rm -f "$mnt/run.h5"

# 3. compare and sweep: some tasks fit, then the disk is full; with space the rerun resumes.
cat > "$work/sweep.toml" <<SPEC
name = "disk-full"
scenario = "$PWD/scenarios/baseline.toml"
design = "grid"
replicates = 2
people = 1000
weeks = 52
outputs = ["arrest.all.y1"]
[[parameter]]
path = "justice.courts.conviction_probability"
lo = 0.4
hi = 0.7
levels = 3
SPEC
for kind in compare sweep; do
  if [ $kind = compare ]; then
    cmd="compare scenarios/baseline.toml scenarios/rnr-treatment.toml --people 1000 --weeks 52 --reps 3 -q"
  else
    cmd="sweep $work/sweep.toml -q --persons first"
  fi
  resize 1200k
  "$P" $cmd -o "$mnt/$kind.h5" > "$work/log" 2>&1
  expect_full "$kind" $? "$work/log" "$mnt/$kind.h5"
  tasks=$(ls "$mnt/$kind.h5.tasks" 2>/dev/null | grep -c '^task_.*\.h5$')
  [ "$tasks" -ge 1 ] || problem "$kind: no finished task kept in the journal"
  resize 32m
  "$P" $cmd -o "$mnt/$kind.h5" > "$work/log" 2>&1 || problem "$kind with space: $(cat "$work/log")"
  grep -q "resumed from the journal" "$work/log" || problem "$kind with space: did not resume: $(cat "$work/log")"
  "$P" $cmd -o "$work/ref/$kind.h5" > /dev/null 2>&1
  [ "$(summary "$mnt/$kind.h5")" = "$(summary "$work/ref/$kind.h5")" ] || problem "$kind with space: summary differs"
  say "$kind: $tasks task(s) kept on the full disk; the rerun resumed and matches an uninterrupted run"
  rm -rf "$mnt/$kind.h5" "$mnt/$kind.h5.tasks"
done
[ $bad = 0 ] && echo "disk full: all cases passed"
exit $bad
