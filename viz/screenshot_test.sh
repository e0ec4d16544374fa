#!/usr/bin/env bash
# CTest driver for the viewer's headless tests: runs pathways-viewer under
# xvfb-run (Mesa software GL) with --frames/--screenshot, then checks that the
# PNG is a real frame (viewer_png_check). Exits 77 (CTest SKIP_RETURN_CODE)
# when xvfb-run is not installed.
#   screenshot_test.sh VIEWER CHECKER OUT.png [viewer arguments...]
set -euo pipefail
viewer=$1 checker=$2 out=$3
shift 3
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "xvfb-run not found: skipping (apt-get install xvfb xauth)"
  exit 77
fi
rm -f "$out"
xvfb-run -a -s "-screen 0 1920x1080x24" "$viewer" "$@" --screenshot "$out"
"$checker" "$out" 800 500
