#!/usr/bin/env bash
# Runs a benchmark scenario (default: org-sync at 100,000 people) and writes its figures to bench/results/.
# Usage: scripts/bench.sh [scenario] [N] [budget|rate] [unthrottled|seconds]
#   org-sync N                      first and incremental Graph sync of N people
#   inbound N rate seconds [dir]    N people send authenticated messages at a fixed rate (open loop) to the bot process;
#                                   dir: file (the org CSV, default) | graph-up | graph-slow | graph-down (a Graph directory
#                                   whose cache lacks a third of the people; Graph answering, 10 s late, or down with Entra)
#   fanout N budget [unthrottled]   "run now" for N people through the real host, against Teams' 50/s limit (or none)
#   fanout-crash N budget           the same across bot processes; one is SIGKILLed halfway and started again
#   fanout-two N budget             two bot processes share one run and one budget
#   fanout-process N budget [unthrottled]  one bot process (CPU of the bot alone per send, Azurite's CPU)
#   chaos N budget                  fanout-crash with the connector answering 10 % 429, 5 % 503, and 1 % each delivered then 504 / reset / silence
#   mixed N budget [sharers]        "run now" for N while 100 people share check-ins and trade feedback with their managers
#   plan N                          planning alone (no sending) for an audience of N
#   storage-ceiling N               storage alone doing the four operations of a send for N people, as fast as it goes
#   metrics N [repetitions]         the metrics API over a year of weekly check-ins of N people, each cut and period
#   preview N [repetitions]         a cadence's four-week preview for an org of N, everyone registered, over HTTP
#   tab N                           the Growth tab in headless Chromium, each view loaded cold N times, on the seeded local org
# Each writes JSON (and for inbound and the fan-outs a PNG chart) to bench/results/.
# Micro-benchmarks of the hot paths (BenchmarkDotNet): scripts/bench.sh micro [filter]
# Figures and how they were taken: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh >/dev/null
if [[ "${1:-}" == "micro" ]]; then
  dotnet run --project bench/CheckinBot.MicroBench -c Release -- --filter "${2:-*}"
  exit
fi
dotnet run --project bench/CheckinBot.Bench -c Release -- "$@"
