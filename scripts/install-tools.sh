#!/usr/bin/env bash
# Installs the npm tools (Azurite, Agents Playground, adaptivecards) when package-lock.json changed or they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d node_modules/.bin || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
