#!/usr/bin/env bash
# Runs every test: unit, integration (real Azurite, loopback fakes) and end-to-end (Agents Playground in headless
# Chromium). Test fixtures start and stop their own servers. Ends with one summary line: "tests: N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v "${CHROMIUM_PATH:-/usr/bin/chromium}" >/dev/null 2>&1; then
  echo "Chromium is missing: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
  echo "tests: 0 passed, 1 failed"
  exit 1
fi
scripts/install-tools.sh || { echo "tests: 0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test CheckinBot.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints "Passed!  - Failed: F, Passed: P, ..." (or "Failed!  - ..."); add them up.
read -r passed failed < <(grep -E '^(Passed|Failed)!' "$log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
rm -f "$log"
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi  # a build error or crashed test host counts as a failure
echo "tests: $passed passed, $failed failed"
exit $status
