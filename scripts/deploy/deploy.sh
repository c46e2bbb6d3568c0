#!/usr/bin/env bash
# Deploys CheckinBot into a resource group in one go (docs/deploy.md): the infrastructure (infra/main.bicep with an
# environment's .bicepparam), the secret into Key Vault when the bot uses one, the app itself (zip, run from package),
# then the Teams app package with this deployment's ids, and a health check.
# Usage: scripts/deploy/deploy.sh --resource-group <rg> [--env prod|dev] [--location <region>] [--secret-from-stdin] [--dry-run]
#   --secret-from-stdin  botAppType SingleTenant only: read the client secret from standard input into Key Vault
#                        (never a parameter, an argument or a file)
#   --dry-run            print every command instead of running it
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/deploy/lib.sh

GROUP="" ENVIRONMENT=prod LOCATION=westeurope SECRET=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --resource-group|-g) GROUP=$2; shift 2 ;;
    --env) ENVIRONMENT=$2; shift 2 ;;
    --location|-l) LOCATION=$2; shift 2 ;;
    --secret-from-stdin) SECRET=true; shift ;;
    --dry-run) DRY_RUN=true; shift ;;
    *) echo "Unknown argument: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
[[ -n "$GROUP" ]] || { echo "--resource-group is required" >&2; exit 2; }
PARAMS="infra/$ENVIRONMENT.bicepparam"
[[ -f "$PARAMS" ]] || { echo "No parameters for environment '$ENVIRONMENT' ($PARAMS)" >&2; exit 2; }

step "1/6 Resource group $GROUP in $LOCATION (seconds)"
run "" az group create --name "$GROUP" --location "$LOCATION" --output none

step "2/6 Infrastructure from $PARAMS (5-10 minutes the first time)"
OUTPUTS=$(capture '{"appName":{"value":"<appName>"},"botDomain":{"value":"<botDomain>"},"botAppId":{"value":"<botAppId>"},"keyVaultName":{"value":"<keyVaultName>"}}' \
  az deployment group create --resource-group "$GROUP" --name checkinbot --template-file infra/main.bicep --parameters "$PARAMS" \
  --query properties.outputs --output json)
output() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1']['value'])" <<<"$OUTPUTS"; }
APP=$(output appName) DOMAIN=$(output botDomain) BOT_APP_ID=$(output botAppId) VAULT=$(output keyVaultName)

step "3/6 The bot's client secret (SingleTenant only)"
if [[ "$SECRET" == true ]]; then
  # From standard input to the vault: the secret never appears in an argument, a file or this script's output.
  run "" az keyvault secret set --vault-name "$VAULT" --name bot-app-password --file /dev/stdin --output none
else
  echo "skipped: the bot signs in with its managed identity (or the secret is already in $VAULT)" >&2
fi

step "4/6 The app (a minute or two)"
# The Growth tab's libraries (npm, pinned by package-lock.json) are part of the app: installed first, and the package is
# checked for them before it goes anywhere, so no deployment can ship a tab that never loads.
run "" npm ci --no-audit --no-fund --loglevel=error
run "" dotnet publish src/CheckinBot.Web --configuration Release --output .local/publish
run "" bash -c 'for f in chart.umd.min.js MicrosoftTeams.min.js web-components-all.min.js tokens/index.js; do [[ -s .local/publish/wwwroot/tab/lib/$f ]] || { echo "The package lacks the Growth tab library $f: run npm ci, then deploy again." >&2; exit 1; }; done'
run "" bash -c "cd .local/publish && rm -f ../checkinbot-app.zip && zip -qr ../checkinbot-app.zip ."
run "" az webapp deploy --resource-group "$GROUP" --name "$APP" --src-path .local/checkinbot-app.zip --type zip

step "5/6 The Teams app package for this deployment"
run "" env TEAMS_APP_ID="${TEAMS_APP_ID:-$(python3 -c 'import uuid; print(uuid.uuid4())')}" BOT_APP_ID="$BOT_APP_ID" BOT_DOMAIN="$DOMAIN" \
  COMPANY_NAME="${COMPANY_NAME:-Contoso}" SSO_APP_ID="${SSO_APP_ID:-$BOT_APP_ID}" scripts/package-manifest.sh

step "6/6 Health"
run "" curl --fail --silent --show-error --retry 10 --retry-delay 15 --retry-all-errors "https://$DOMAIN/health/ready"
echo >&2
echo "Done. Next: scripts/deploy/grant-permissions.sh (Graph permissions, the sign-in app), then upload manifest/checkinbot.zip (docs/deploy.md)." >&2
