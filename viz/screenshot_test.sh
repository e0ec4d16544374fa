#!/usr/bin/env bash
# CTest driver for the viewer's headless tests: runs pathways-viewer under
# xvfb-run (Mesa software GL) with --frames/--screenshot --check-text (the
# viewer exits 3 if any label is cut or wider than its box: viz/layout.hpp
# TextAudit), then checks that the PNG is a real frame (viewer_png_check). Exits 77 (CTest SKIP_RETURN_CODE)
# when xvfb-run is not installed. PNG_CHECK_COLOURS (e.g. "F0463C:200") adds
# colours the frame must contain (see png_check.cpp).
#   screenshot_test.sh VIEWER CHECKER OUT.png [viewer arguments...]
set -euo pipefail
viewer=$1 checker=$2 out=$3
shift 3
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "xvfb-run not found: skipping (apt-get install xvfb xauth)"
  exit 77
fi
rm -f "$out"
# -n: start the display search at a number from the PID, so tests started together
# (ctest -j) do not race for the same free display (xvfb-run -a alone can).
xvfb-run -a -n $(($$ % 400 + 100)) -s "-screen 0 1920x1080x24" "$viewer" "$@" --check-text --screenshot "$out"
# shellcheck disable=SC2086
"$checker" "$out" 800 500 ${PNG_CHECK_COLOURS:-}
