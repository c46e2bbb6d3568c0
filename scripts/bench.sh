#!/usr/bin/env bash
# Runs a benchmark scenario (default: org-sync at 100,000 people) and writes its figures to bench/results/.
# Usage: scripts/bench.sh [scenario] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh >/dev/null
dotnet run --project bench/CheckinBot.Bench -c Release -- "$@"
