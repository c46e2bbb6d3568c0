// A developer's own environment. Still no secret here: with botAppType 'SingleTenant' the client secret goes into the
// deployment's Key Vault (scripts/deploy/deploy.sh --secret-from-stdin), never into a file.
using 'main.bicep'

param name = 'checkindev'
param botAppType = readEnvironmentVariable('BOT_APP_TYPE', 'UserAssignedMSI')
param botAppId = readEnvironmentVariable('BOT_APP_ID', '')
param appServiceSku = 'B1'
param hrAdminGroupId = readEnvironmentVariable('HR_ADMIN_GROUP_ID', '')
param hrAdminUserIds = readEnvironmentVariable('HR_ADMIN_USER_IDS', '')
param ssoAppId = readEnvironmentVariable('SSO_APP_ID', '')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param organisationName = readEnvironmentVariable('COMPANY_NAME', 'Your organisation')
param privacyContact = readEnvironmentVariable('PRIVACY_CONTACT', 'your HR team')
param alertEmail = readEnvironmentVariable('ALERT_EMAIL', '')
