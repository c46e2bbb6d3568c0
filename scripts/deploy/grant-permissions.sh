#!/usr/bin/env bash
# What Bicep cannot do, after scripts/deploy/deploy.sh (docs/deploy.md, "Permissions"): Microsoft Graph application
# permissions for the bot's managed identity — User.Read.All always; GroupMember.Read.All only with --groups (cadence
# audiences by Entra group, or Hr:AdminGroupId); TeamsAppInstallation.ReadWriteSelfForUser.All only with
# --proactive-install — and nothing else; and the sign-in app registration for the Growth tab's single sign-on and the
# admin API (scope access_as_user pre-authorized for the Teams clients, app role CheckinBot.Admin).
# Needs an account that can grant admin consent (Privileged Role Administrator or Global Administrator).
# Usage: scripts/deploy/grant-permissions.sh --identity-principal-id <id> --bot-domain <host> [--groups] [--proactive-install]
#        [--sign-in-app-id <app id of a sign-in app made by an earlier run>] [--dry-run]
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/deploy/lib.sh

PRINCIPAL="" DOMAIN="" WITH_GROUPS=false INSTALL=false SIGN_IN_APP=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --identity-principal-id) PRINCIPAL=$2; shift 2 ;;
    --bot-domain) DOMAIN=$2; shift 2 ;;
    --groups) WITH_GROUPS=true; shift ;;
    --proactive-install) INSTALL=true; shift ;;
    --sign-in-app-id) SIGN_IN_APP=$2; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    *) echo "Unknown argument: $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
[[ -n "$PRINCIPAL" && -n "$DOMAIN" ]] || { echo "--identity-principal-id and --bot-domain are required (deploy.sh's outputs)" >&2; exit 2; }

GRAPH_APP=00000003-0000-0000-c000-000000000000
# Microsoft Teams' clients, pre-authorized so the tab gets its token without a consent prompt
# (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad).
TEAMS_CLIENTS=(1fec8e78-bce4-4aaf-ab1b-5451cc387264 5e3ce6c0-2b1f-4285-8d4b-75ee78787346)

step "1/2 Graph application permissions for the identity (seconds each)"
PERMISSIONS=(User.Read.All)
[[ "$WITH_GROUPS" == true ]] && PERMISSIONS+=(GroupMember.Read.All)
[[ "$INSTALL" == true ]] && PERMISSIONS+=(TeamsAppInstallation.ReadWriteSelfForUser.All)
GRAPH_SP=$(capture "<graph-service-principal-id>" az ad sp show --id "$GRAPH_APP" --query id --output tsv)
for permission in "${PERMISSIONS[@]}"; do
  ROLE=$(capture "<$permission-role-id>" az ad sp show --id "$GRAPH_APP" --query "appRoles[?value=='$permission'].id | [0]" --output tsv)
  run "" az rest --method POST --uri "https://graph.microsoft.com/v1.0/servicePrincipals/$PRINCIPAL/appRoleAssignments" \
    --headers Content-Type=application/json \
    --body "{\"principalId\":\"$PRINCIPAL\",\"resourceId\":\"$GRAPH_SP\",\"appRoleId\":\"$ROLE\"}"
done

step "2/2 The sign-in app: Growth tab SSO (access_as_user) and the admin role (CheckinBot.Admin)"
if [[ -n "$SIGN_IN_APP" ]]; then
  echo "using the existing sign-in app $SIGN_IN_APP as it is configured" >&2
  echo "Done. SSO_APP_ID=$SIGN_IN_APP" >&2
  exit 0
fi
SIGN_IN_APP=$(capture "<sign-in-app-id>" az ad app create --display-name "CheckinBot sign-in" --sign-in-audience AzureADMyOrg --query appId --output tsv)
OBJECT=$(capture "<sign-in-app-object-id>" az ad app show --id "$SIGN_IN_APP" --query id --output tsv)
SCOPE_ID=$(python3 -c 'import uuid; print(uuid.uuid4())')
ROLE_ID=$(python3 -c 'import uuid; print(uuid.uuid4())')
PREAUTHORIZED=$(printf '{"appId":"%s","delegatedPermissionIds":["'"$SCOPE_ID"'"]},' "${TEAMS_CLIENTS[@]}")
run "" az rest --method PATCH --uri "https://graph.microsoft.com/v1.0/applications/$OBJECT" --headers Content-Type=application/json --body \
  "{\"identifierUris\":[\"api://$DOMAIN/$SIGN_IN_APP\"],
    \"api\":{\"requestedAccessTokenVersion\":2,
      \"oauth2PermissionScopes\":[{\"id\":\"$SCOPE_ID\",\"value\":\"access_as_user\",\"type\":\"User\",\"isEnabled\":true,
        \"adminConsentDisplayName\":\"Access CheckinBot as the signed-in user\",\"adminConsentDescription\":\"Lets Teams open CheckinBot's Growth tab for the signed-in user.\",
        \"userConsentDisplayName\":\"Access CheckinBot as you\",\"userConsentDescription\":\"Lets Teams open CheckinBot's Growth tab for you.\"}],
      \"preAuthorizedApplications\":[${PREAUTHORIZED%,}]},
    \"appRoles\":[{\"id\":\"$ROLE_ID\",\"value\":\"CheckinBot.Admin\",\"displayName\":\"CheckinBot admin\",
      \"description\":\"Manage cadences and read HR metrics through the admin API.\",\"allowedMemberTypes\":[\"Application\"],\"isEnabled\":true}]}"
run "" az ad sp create --id "$SIGN_IN_APP" --output none
echo >&2
echo "Done. Set SSO_APP_ID=$SIGN_IN_APP and run scripts/deploy/deploy.sh again (Bot:SsoAppId, the manifest's webApplicationInfo)." >&2
