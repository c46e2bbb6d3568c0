// Production: the bot signs in with its user-assigned managed identity (no secret). No secret belongs in this file.
using 'main.bicep'

param name = 'checkinbot'
param botAppType = 'UserAssignedMSI'
param appServiceSku = 'P0v3'
param hrAdminGroupId = readEnvironmentVariable('HR_ADMIN_GROUP_ID', '')
param hrAdminUserIds = readEnvironmentVariable('HR_ADMIN_USER_IDS', '')
param ssoAppId = readEnvironmentVariable('SSO_APP_ID', '')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param organisationName = readEnvironmentVariable('COMPANY_NAME', 'Your organisation')
param privacyContact = readEnvironmentVariable('PRIVACY_CONTACT', 'your HR team')
param alertEmail = readEnvironmentVariable('ALERT_EMAIL', '')
