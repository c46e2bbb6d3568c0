#!/usr/bin/env bash
# Runs CheckinBot locally: Azurite (tables, queues, blobs), the bot in local mode (no app id, samples/org.csv)
# and the Microsoft 365 Agents Playground pointed at it. Each runs detached (setsid) and logs to .local/.
# Stop everything with: scripts/run-local.sh stop
# At first start the bot writes six months of sample history for samples/org.csv (check-ins, goals), so stats and the
# metrics show something at once; scripts/run-local.sh --no-seed starts without it.
set -euo pipefail
cd "$(dirname "$0")/.."

BOT_PORT="${BOT_PORT:-3978}"
PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
MANAGER_PLAYGROUND_PORT="${MANAGER_PLAYGROUND_PORT:-56151}"
HR_PLAYGROUND_PORT="${HR_PLAYGROUND_PORT:-56152}"
HR_USER_ID="00000000-0000-0000-0000-0000000000022" # Adele Vance in samples/org.csv
mkdir -p .local

stop() {
  for name in hr-playground manager-playground playground bot azurite; do
    if [[ -f ".local/$name.pid" ]]; then
      kill -- "-$(cat ".local/$name.pid")" 2>/dev/null || true
      rm -f ".local/$name.pid"
    fi
  done
}

wait_for() { # url, name, log: waits until the URL answers at all (any HTTP status)
  for _ in $(seq 1 120); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != "000" ]]; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not start; see $3" >&2
  tail -n 20 "$3" >&2
  exit 1
}

start() { # name, command...
  local name="$1"; shift
  setsid "$@" > ".local/$name.log" 2>&1 < /dev/null &
  echo $! > ".local/$name.pid"
}

if [[ "${1:-}" == "stop" ]]; then stop; echo "stopped"; exit 0; fi
SEED_HISTORY=true
if [[ "${1:-}" == "--no-seed" ]]; then SEED_HISTORY=false; fi
stop

scripts/install-tools.sh
dotnet build src/CheckinBot.Web --nologo -v quiet -clp:NoSummary

start azurite node_modules/.bin/azurite --silent --location .local/azurite \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck
wait_for "http://127.0.0.1:10002/devstoreaccount1/Tables" "Azurite" .local/azurite.log

start bot env ASPNETCORE_ENVIRONMENT=Development Hr__AdminUserIds__0="$HR_USER_ID" Local__SeedHistory="$SEED_HISTORY" \
  dotnet run --project src/CheckinBot.Web --no-build --urls "http://127.0.0.1:$BOT_PORT"
wait_for "http://127.0.0.1:$BOT_PORT/health/ready" "The bot" .local/bot.log

# A sample cadence and the sample onboarding journey (hire dates in samples/org.csv) for HR to see (the admin API
# answers loopback without a token in local mode; 409 = already there).
for sample in samples/cadence.json samples/onboarding-journey.json; do
  curl -s -o /dev/null -X POST "http://127.0.0.1:$BOT_PORT/api/admin/cadences" -H 'Content-Type: application/json' --data @"$sample"
done

# Three playgrounds, three people of samples/org.csv: Alex Wilber (the default user), his manager Megan Bowen, and
# Adele Vance of HR.
start playground env M365_AGENTS_PLAYGROUND_LOGFILE=.local/playground-events.log \
  node -r ./scripts/loopback-only.cjs node_modules/@microsoft/m365agentsplayground/cli.js \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$PLAYGROUND_PORT" --disable-telemetry
start manager-playground env M365_AGENTS_PLAYGROUND_LOGFILE=.local/manager-playground-events.log \
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$PWD/scripts/playground/manager.yml" \
  node -r ./scripts/loopback-only.cjs node_modules/@microsoft/m365agentsplayground/cli.js \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$MANAGER_PLAYGROUND_PORT" --disable-telemetry
start hr-playground env M365_AGENTS_PLAYGROUND_LOGFILE=.local/hr-playground-events.log \
  M365_AGENTS_PLAYGROUND_CONFIG_PATH="$PWD/scripts/playground/hr.yml" \
  node -r ./scripts/loopback-only.cjs node_modules/@microsoft/m365agentsplayground/cli.js \
  -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams -p "$HR_PLAYGROUND_PORT" --disable-telemetry
# Not an HTTP probe: a page load makes the playground install the bot (and so spend the welcome) with no one watching.
for log in .local/playground.log .local/manager-playground.log .local/hr-playground.log; do
  for _ in $(seq 1 120); do grep -q "Listening on" "$log" && break; sleep 0.5; done
  grep -q "Listening on" "$log" || { echo "The Agents Playground did not start; see $log" >&2; exit 1; }
done

echo
echo "CheckinBot is running in local mode."
echo "  Alex Wilber (employee):    http://localhost:$PLAYGROUND_PORT"
echo "  Megan Bowen (his manager): http://localhost:$MANAGER_PLAYGROUND_PORT   (open it once so she has the bot)"
echo "  Adele Vance (HR):          http://localhost:$HR_PLAYGROUND_PORT   (type: cadences, question sets, stats)"
echo "  Growth tab (any role):     http://127.0.0.1:$BOT_PORT/tab   (pick a person under \"View as\")"
echo "  Bot endpoint:              http://127.0.0.1:$BOT_PORT/api/messages"
echo "  Logs:                      .local/{azurite,bot,playground,manager-playground,hr-playground}.log"
echo "  Stop:                      scripts/run-local.sh stop"
