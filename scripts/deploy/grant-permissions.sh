#!/usr/bin/env bash
# What Bicep cannot do, after scripts/deploy/deploy.sh (docs/deploy.md, "Permissions"): Microsoft Graph application
# permissions for the identity that calls Graph — the bot's managed identity, or with SingleTenant the bot app's
# service principal — User.Read.All always; GroupMember.Read.All only with --groups (cadence audiences by Entra group,
# or Hr:AdminGroupId); with --proactive-install the Teams app installation permission and AppCatalog.Read.All (to find
# the app in the org catalog); with --away MailboxSettings.Read (Outlook automatic replies: who is away) — and nothing else; and the sign-in app registration for the Growth tab's single
# sign-on and the admin API (scope access_as_user pre-authorized for the Teams clients, app role CheckinBot.Admin).
# Safe to run again at any point: it finds what is in place (the sign-in app by its name, granted permissions,
# defined scope and role) and adds only what is missing, saying what it found.
# Needs an account that can grant admin consent (Privileged Role Administrator or Global Administrator) and create
# app registrations (Application Administrator, or app creation allowed for users).
# Usage: scripts/deploy/grant-permissions.sh --resource-group <rg> [--groups] [--proactive-install] [--away] [--dry-run]
#        (reads the rest from .deploy/<rg>.json, which deploy.sh wrote), or, without one:
#        scripts/deploy/grant-permissions.sh --identity-principal-id <id> --bot-domain <host> [--bot-app-id <id>] ...
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/deploy/lib.sh

GROUP="" PRINCIPAL="" DOMAIN="" BOT_APP="" WITH_GROUPS=false INSTALL=false AWAY=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --resource-group|-g) GROUP=$2; shift 2 ;;
    --identity-principal-id) PRINCIPAL=$2; shift 2 ;;
    --bot-domain) DOMAIN=$2; shift 2 ;;
    --bot-app-id) BOT_APP=$2; shift 2 ;;
    --groups) WITH_GROUPS=true; shift ;;
    --proactive-install) INSTALL=true; shift ;;
    --away) AWAY=true; shift ;;
    --dry-run) DRY_RUN=true; shift ;;
    *) echo "Unknown argument: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
if [[ -n "$GROUP" ]]; then
  PRINCIPAL=$(first_of "$PRINCIPAL" "$(state_get "$GROUP" graphPrincipalId)")
  DOMAIN=$(first_of "$DOMAIN" "$(state_get "$GROUP" botDomain)")
  BOT_APP=$(first_of "$BOT_APP" "$(state_get "$GROUP" botAppId)")
fi
[[ -n "$DOMAIN" ]] || { echo "--bot-domain (or --resource-group of a deployment made by deploy.sh) is required" >&2; exit 2; }
if [[ -z "$PRINCIPAL" ]]; then
  # SingleTenant: the bot's own app registration calls Graph with its secret, so it is the one that needs the permissions.
  [[ -n "$BOT_APP" ]] || { echo "--identity-principal-id, or --bot-app-id for a SingleTenant bot, is required" >&2; exit 2; }
  PRINCIPAL=$(capture "<bot-app-service-principal-id>" az ad sp show --id "$BOT_APP" --query id --output tsv)
fi

GRAPH_APP=00000003-0000-0000-c000-000000000000
# Microsoft Teams' clients, pre-authorized so the tab gets its token without a consent prompt
# (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad).
TEAMS_CLIENTS=(1fec8e78-bce4-4aaf-ab1b-5451cc387264 5e3ce6c0-2b1f-4285-8d4b-75ee78787346)
SIGN_IN_NAME="CheckinBot sign-in ($DOMAIN)"

step "1/3 The sign-in app \"$SIGN_IN_NAME\" (seconds)"
SIGN_IN_APP=$(first_of "$( [[ -n "$GROUP" ]] && state_get "$GROUP" ssoAppId )" \
  "$(capture "" az ad app list --display-name "$SIGN_IN_NAME" --query "[0].appId" --output tsv)")
if [[ -n "$SIGN_IN_APP" ]]; then
  echo "found: $SIGN_IN_APP" >&2
else
  SIGN_IN_APP=$(capture "<sign-in-app-id>" az ad app create --display-name "$SIGN_IN_NAME" --sign-in-audience AzureADMyOrg --query appId --output tsv)
  echo "created: $SIGN_IN_APP" >&2
fi
[[ -n "$GROUP" ]] && state_set "$GROUP" ssoAppId="$SIGN_IN_APP"
# One read of the app: its object id, and the ids of a scope and role defined by an earlier run (kept, so a rerun
# changes nothing), else new ones.
APP_JSON=$(capture '{"id":"<sign-in-app-object-id>"}' az ad app show --id "$SIGN_IN_APP" --output json)
read -r OBJECT SCOPE_ID ROLE_ID < <(python3 -c '
import json, sys, uuid
app = json.loads(sys.argv[1])
scope = next((s["id"] for s in (app.get("api") or {}).get("oauth2PermissionScopes") or [] if s.get("value") == "access_as_user"), None)
role = next((r["id"] for r in app.get("appRoles") or [] if r.get("value") == "CheckinBot.Admin"), None)
print(app["id"], scope or uuid.uuid4(), role or uuid.uuid4())' "$APP_JSON")
[[ -n "${OBJECT:-}" ]] || { echo "Could not read the sign-in app $SIGN_IN_APP (az ad app show): run this again." >&2; exit 1; }
SCOPES="[{\"id\":\"$SCOPE_ID\",\"value\":\"access_as_user\",\"type\":\"User\",\"isEnabled\":true,
  \"adminConsentDisplayName\":\"Access CheckinBot as the signed-in user\",\"adminConsentDescription\":\"Lets Teams open CheckinBot's Growth tab for the signed-in user.\",
  \"userConsentDisplayName\":\"Access CheckinBot as you\",\"userConsentDescription\":\"Lets Teams open CheckinBot's Growth tab for you.\"}]"
# First the scope and the role (and the identifier URI the tab asks for), in a PATCH of their own: Graph refuses a
# pre-authorization that names a scope defined in the same request. Ids already defined are kept, so a rerun changes nothing.
run "" az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT" --headers Content-Type=application/json --body \
  "{\"identifierUris\":[\"api://$DOMAIN/$SIGN_IN_APP\"],\"api\":{\"requestedAccessTokenVersion\":2,\"oauth2PermissionScopes\":$SCOPES},
    \"appRoles\":[{\"id\":\"$ROLE_ID\",\"value\":\"CheckinBot.Admin\",\"displayName\":\"CheckinBot admin\",
      \"description\":\"Manage cadences and read HR metrics through the admin API.\",\"allowedMemberTypes\":[\"Application\"],\"isEnabled\":true}]}"
# Then the Teams clients, pre-authorized for that scope (api is replaced as a whole, so it names the scope again).
PREAUTHORIZED=$(printf '{"appId":"%s","delegatedPermissionIds":["'"$SCOPE_ID"'"]},' "${TEAMS_CLIENTS[@]}")
run "" az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT" --headers Content-Type=application/json --body \
  "{\"api\":{\"requestedAccessTokenVersion\":2,\"oauth2PermissionScopes\":$SCOPES,\"preAuthorizedApplications\":[${PREAUTHORIZED%,}]}}"
if capture "" az ad sp show --id "$SIGN_IN_APP" --query id --output tsv >/dev/null 2>&1 && [[ "$DRY_RUN" != true ]]; then
  echo "its service principal exists" >&2
else
  run "" az ad sp create --id "$SIGN_IN_APP" --output none
fi

step "2/3 Graph application permissions for the identity that calls Graph ($PRINCIPAL)"
PERMISSIONS=(User.Read.All)
[[ "$WITH_GROUPS" == true ]] && PERMISSIONS+=(GroupMember.Read.All)
if [[ "$INSTALL" == true ]]; then
  # The *SelfForUser permission installs only the Teams app whose webApplicationInfo.id is the caller's own app id
  # (https://learn.microsoft.com/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages).
  # The manifest names the sign-in app there (the tab's single sign-on needs it), so an identity that is not the
  # sign-in app needs the permission without "Self". AppCatalog.Read.All lets the bot find the app's catalog id
  # (https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps).
  if [[ "$BOT_APP" == "$SIGN_IN_APP" ]]; then PERMISSIONS+=(TeamsAppInstallation.ReadWriteSelfForUser.All); else PERMISSIONS+=(TeamsAppInstallation.ReadWriteForUser.All); fi
  PERMISSIONS+=(AppCatalog.Read.All)
fi
# Outlook's automatic replies (https://learn.microsoft.com/graph/api/user-get-mailboxsettings): the bot reads only their
# status and scheduled times, to hold check-ins for people who are away.
[[ "$AWAY" == true ]] && PERMISSIONS+=(MailboxSettings.Read)
GRAPH_SP=$(capture "<graph-service-principal-id>" az ad sp show --id "$GRAPH_APP" --query id --output tsv)
GRANTED=$(capture "" az rest --method GET --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$PRINCIPAL/appRoleAssignments" --query "value[].appRoleId" --output tsv)
for permission in "${PERMISSIONS[@]}"; do
  ROLE=$(capture "<$permission-role-id>" az ad sp show --id "$GRAPH_APP" --query "appRoles[?value=='$permission'].id | [0]" --output tsv)
  if [[ -n "$ROLE" ]] && grep -qx "$ROLE" <<<"$GRANTED"; then
    echo "$permission: granted already" >&2
    continue
  fi
  run "" az rest --method POST --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$PRINCIPAL/appRoleAssignments" \
    --headers Content-Type=application/json \
    --body "{\"principalId\":\"$PRINCIPAL\",\"resourceId\":\"$GRAPH_SP\",\"appRoleId\":\"$ROLE\"}"
done

step "3/3 Next"
if [[ -n "$GROUP" ]]; then
  echo "Done. Run scripts/deploy/deploy.sh --resource-group $GROUP again: it reads the sign-in app ($SIGN_IN_APP) from $(state_file "$GROUP")." >&2
else
  echo "Done. Set SSO_APP_ID=$SIGN_IN_APP and run scripts/deploy/deploy.sh again (Bot:SsoAppId, the manifest's webApplicationInfo)." >&2
fi
