#!/usr/bin/env bash
# Deploys CheckinBot into a resource group in one go (docs/deploy.md): the infrastructure (infra/main.bicep with an
# environment's .bicepparam), the secret into Key Vault when the bot uses one, the app itself (zip, run from package),
# then the Teams app package with this deployment's ids, and waits until the app is ready. Safe to run again at any
# point: the environment's ids are kept in .deploy/<resource group>.json (read first, written as soon as known), so a
# second run with no environment variables is an upgrade that keeps every id and setting.
# Usage: scripts/deploy/deploy.sh --resource-group <rg> [--env prod|dev] [--location <region>] [--secret-from-stdin] [--dry-run]
#   --secret-from-stdin  botAppType SingleTenant only: read the client secret from standard input into Key Vault
#                        (never a parameter, an argument or a file); you get Key Vault Secrets Officer on that vault
#   --dry-run            print every command instead of running it
# Environment (each optional; once given, kept for later runs): TEAMS_APP_ID, SSO_APP_ID, HR_ADMIN_GROUP_ID,
#   HR_ADMIN_USER_IDS (comma-separated object ids), ALERT_EMAIL, COMPANY_NAME (the manifest and the privacy and terms
#   pages), PRIVACY_CONTACT (whom people ask about their data), and for --env dev BOT_APP_TYPE, BOT_APP_ID.
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
SECRET_VALUE=""
if [[ "$SECRET" == true && "$DRY_RUN" != true ]]; then
  IFS= read -r SECRET_VALUE || true
  [[ -n "$SECRET_VALUE" ]] || { echo "--secret-from-stdin: nothing on standard input" >&2; exit 2; }
fi

step "0/7 The environment's ids: given now, else kept in $(state_file "$GROUP"), else the last deployment's"
PREVIOUS=$(capture '{}' az deployment group show --resource-group "$GROUP" --name checkinbot --query properties.outputs --output json 2>/dev/null || true)
kept() { first_of "$(state_get "$GROUP" "$1")" "$(deployment_output "$PREVIOUS" "$1")"; }
TEAMS_APP_ID=$(first_of "${TEAMS_APP_ID:-}" "$(kept teamsAppId)" "$(python3 -c 'import uuid; print(uuid.uuid4())')")
SSO_APP_ID=$(first_of "${SSO_APP_ID:-}" "$(kept ssoAppId)")
HR_ADMIN_GROUP_ID=$(first_of "${HR_ADMIN_GROUP_ID:-}" "$(kept hrAdminGroupId)")
HR_ADMIN_USER_IDS=$(first_of "${HR_ADMIN_USER_IDS:-}" "$(kept hrAdminUserIds)")
ALERT_EMAIL=$(first_of "${ALERT_EMAIL:-}" "$(kept alertEmail)")
COMPANY_NAME=$(first_of "${COMPANY_NAME:-}" "$(state_get "$GROUP" companyName)" "Contoso")
PRIVACY_CONTACT=$(first_of "${PRIVACY_CONTACT:-}" "$(state_get "$GROUP" privacyContact)")
BOT_APP_TYPE=$(first_of "${BOT_APP_TYPE:-}" "$(state_get "$GROUP" botAppType)")
BOT_APP_ID=$(first_of "${BOT_APP_ID:-}" "$(state_get "$GROUP" configuredBotAppId)")
# The .bicepparam files read these (readEnvironmentVariable); one that is empty is left unset, so the file's default holds.
for name in TEAMS_APP_ID SSO_APP_ID HR_ADMIN_GROUP_ID HR_ADMIN_USER_IDS ALERT_EMAIL BOT_APP_TYPE BOT_APP_ID COMPANY_NAME PRIVACY_CONTACT; do
  if [[ -n "${!name}" ]]; then export "${name?}"; else unset "$name"; fi
done
state_set "$GROUP" environment="$ENVIRONMENT" teamsAppId="$TEAMS_APP_ID" ssoAppId="${SSO_APP_ID:-}" hrAdminGroupId="${HR_ADMIN_GROUP_ID:-}" \
  hrAdminUserIds="${HR_ADMIN_USER_IDS:-}" alertEmail="${ALERT_EMAIL:-}" companyName="$COMPANY_NAME" privacyContact="${PRIVACY_CONTACT:-}" botAppType="${BOT_APP_TYPE:-}" configuredBotAppId="${BOT_APP_ID:-}"
echo "Teams app id $TEAMS_APP_ID, sign-in app ${SSO_APP_ID:-(none yet: grant-permissions.sh makes it)}, HR admins: group ${HR_ADMIN_GROUP_ID:-none}, users ${HR_ADMIN_USER_IDS:-none}" >&2

step "1/7 Resource group $GROUP in $LOCATION (seconds)"
run "" az group create --name "$GROUP" --location "$LOCATION" --output none

step "2/7 Infrastructure from $PARAMS (5-10 minutes the first time, 1-3 after)"
OUTPUTS=$(capture '{"appName":{"value":"<appName>"},"botDomain":{"value":"<botDomain>"},"botAppId":{"value":"<botAppId>"},"keyVaultName":{"value":"<keyVaultName>"},"graphPrincipalId":{"value":"<graphPrincipalId>"},"botAppType":{"value":"UserAssignedMSI"}}' \
  az deployment group create --resource-group "$GROUP" --name checkinbot --template-file infra/main.bicep --parameters "$PARAMS" \
  --query properties.outputs --output json)
output() { deployment_output "$OUTPUTS" "$1"; }
APP=$(output appName) DOMAIN=$(output botDomain) ID=$(output botAppId) VAULT=$(output keyVaultName)
state_set "$GROUP" appName="$APP" botDomain="$DOMAIN" botAppId="$ID" keyVaultName="$VAULT" \
  graphPrincipalId="$(output graphPrincipalId)" deployedBotAppType="$(output botAppType)"

step "3/7 The bot's client secret (SingleTenant only)"
if [[ "$SECRET" == true ]]; then
  # Writing a secret is a data-plane right on the RBAC vault: the deploying account gets Key Vault Secrets Officer on
  # this vault only, once; it can take a minute to apply, so the write is tried again meanwhile.
  ME=$(capture "<your-object-id>" az ad signed-in-user show --query id --output tsv)
  VAULT_ID=$(capture "<key-vault-resource-id>" az keyvault show --name "$VAULT" --query id --output tsv)
  HELD=$(capture "0" az role assignment list --assignee "$ME" --scope "$VAULT_ID" --role "Key Vault Secrets Officer" --query "length(@)" --output tsv)
  if [[ "$HELD" == 0 ]]; then
    run "" az role assignment create --assignee-object-id "$ME" --assignee-principal-type User --scope "$VAULT_ID" --role "Key Vault Secrets Officer" --output none
  else
    echo "you hold Key Vault Secrets Officer on $VAULT already" >&2
  fi
  for attempt in $(seq 1 "${DEPLOY_SECRET_ATTEMPTS:-8}"); do
    # From standard input to the vault: the secret never appears in an argument, a file or this script's output.
    if printf '%s' "$SECRET_VALUE" | run "" az keyvault secret set --vault-name "$VAULT" --name bot-app-password --file /dev/stdin --output none; then
      break
    fi
    [[ "$attempt" == "${DEPLOY_SECRET_ATTEMPTS:-8}" ]] && { echo "Key Vault still refuses the secret: check your role on $VAULT, then run this again." >&2; exit 1; }
    echo "Key Vault refused the write (the role may not be in effect yet); trying again in ${DEPLOY_RETRY_DELAY:-15} s" >&2
    sleep "${DEPLOY_RETRY_DELAY:-15}"
  done
else
  echo "skipped: the bot signs in with its managed identity (or the secret is already in the vault)" >&2
fi

step "4/7 The app (a minute or two)"
# The Growth tab's libraries (npm, pinned by package-lock.json) are part of the app: installed first, and the package is
# checked for them before it goes anywhere, so no deployment can ship a tab that never loads.
run "" npm ci --no-audit --no-fund --loglevel=error
run "" dotnet publish src/CheckinBot.Web --configuration Release --output .local/publish
run "" bash -c 'for f in chart.umd.min.js MicrosoftTeams.min.js web-components-all.min.js tokens/index.js; do [[ -s .local/publish/wwwroot/tab/lib/$f ]] || { echo "The package lacks the Growth tab library $f: run npm ci, then deploy again." >&2; exit 1; }; done'
run "" bash -c "cd .local/publish && rm -f ../checkinbot-app.zip && zip -qr ../checkinbot-app.zip ."
run "" az webapp deploy --resource-group "$GROUP" --name "$APP" --src-path .local/checkinbot-app.zip --type zip

step "5/7 The Teams app package for this deployment (manifest/checkinbot.zip)"
[[ -n "${SSO_APP_ID:-}" ]] || echo "No sign-in app yet: the package names the bot's app id for the Growth tab; run grant-permissions.sh, then this again." >&2
run "" env TEAMS_APP_ID="$TEAMS_APP_ID" BOT_APP_ID="$ID" BOT_DOMAIN="$DOMAIN" COMPANY_NAME="$COMPANY_NAME" SSO_APP_ID="$(first_of "${SSO_APP_ID:-}" "$ID")" \
  scripts/package-manifest.sh

step "6/7 Ready (up to ${DEPLOY_READY_ATTEMPTS:-40} checks ${DEPLOY_RETRY_DELAY:-15} s apart: a new deployment's role assignments can take minutes)"
if [[ "$DRY_RUN" == true ]]; then
  run "" curl --silent --show-error --max-time 10 "https://$DOMAIN/health/ready"
else
  SAID=""
  for attempt in $(seq 1 "${DEPLOY_READY_ATTEMPTS:-40}"); do
    SAID=$(curl --silent --show-error --max-time 10 "https://$DOMAIN/health/ready" 2>&1 || true)
    [[ "$SAID" == Healthy ]] && break
    echo "not ready yet ($attempt): ${SAID:-no answer}" >&2
    [[ "$attempt" == "${DEPLOY_READY_ATTEMPTS:-40}" ]] && { echo "The app did not become ready; it says: ${SAID:-nothing}. See docs/deploy.md, 'Something failed halfway'." >&2; exit 1; }
    sleep "${DEPLOY_RETRY_DELAY:-15}"
  done
  echo "ready" >&2
fi

step "7/7 Kept for the next run: $(state_file "$GROUP")"
state_set "$GROUP" deployedAt="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "Done. Next: scripts/deploy/grant-permissions.sh --resource-group $GROUP (Graph permissions, the sign-in app), then upload manifest/checkinbot.zip (docs/deploy.md)." >&2
