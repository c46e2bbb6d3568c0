#!/usr/bin/env bash
# Builds the Teams app package (manifest/checkinbot.zip) for upload to Teams admin center.
# Usage: TEAMS_APP_ID=<guid> BOT_APP_ID=<guid> BOT_DOMAIN=bot.contoso.com COMPANY_NAME=Contoso [SSO_APP_ID=<guid>] scripts/package-manifest.sh
# SSO_APP_ID: the sign-in app registration of the Growth tab (Bot:SsoAppId); defaults to BOT_APP_ID.
set -euo pipefail
cd "$(dirname "$0")/../manifest"
: "${TEAMS_APP_ID:?set TEAMS_APP_ID (a new GUID for the app)}" "${BOT_APP_ID:?set BOT_APP_ID (the Entra app id of the bot)}"
: "${BOT_DOMAIN:?set BOT_DOMAIN (host name of the bot)}" "${COMPANY_NAME:?set COMPANY_NAME}"
python3 - "$TEAMS_APP_ID" "$BOT_APP_ID" "$BOT_DOMAIN" "$COMPANY_NAME" "${SSO_APP_ID:-$BOT_APP_ID}" <<'PY'
import sys, zipfile
names = ("TEAMS_APP_ID", "BOT_APP_ID", "BOT_DOMAIN", "COMPANY_NAME", "SSO_APP_ID")
manifest = open("manifest.json", encoding="utf-8").read()
for name, value in zip(names, sys.argv[1:]):
    manifest = manifest.replace("${" + name + "}", value)
with zipfile.ZipFile("checkinbot.zip", "w", zipfile.ZIP_DEFLATED) as package:
    package.writestr("manifest.json", manifest)
    package.write("color.png")
    package.write("outline.png")
PY
echo "manifest/checkinbot.zip"
