// CheckinBot in the customer's own subscription, in one deployment (docs/deploy.md):
// - a user-assigned managed identity: by default the bot's own identity (Azure Bot "UserAssignedMSI"), so there is no
//   secret to expire; it also reaches storage (roles below, shared keys off) and Microsoft Graph (app roles granted by
//   scripts/deploy/grant-permissions.sh);
// - a Linux App Service running the bot (HTTPS only, TLS 1.2, FTP off, always on, health check, run from package);
// - the Azure Bot with its Teams channel;
// - Log Analytics and Application Insights, wired to the app (OpenTelemetry, docs/operations.md), with alerts for
//   dead letters, sustained throttling by Teams and failed health checks;
// - only for botAppType 'SingleTenant' (a client secret, e.g. for debugging against real Teams): a Key Vault (RBAC)
//   that holds the secret, read by the app as a Key Vault reference with the identity. The secret is never a
//   parameter: scripts/deploy/deploy.sh puts it in the vault.
// Deploy: scripts/deploy/deploy.sh --env prod (or az deployment group create -g <rg> -p infra/prod.bicepparam)

targetScope = 'resourceGroup'

@description('Short name used to derive resource names (letters and digits).')
@minLength(3)
@maxLength(12)
param name string = 'checkinbot'

param location string = resourceGroup().location

@description('How the bot signs in: UserAssignedMSI (no secret; the default) or SingleTenant (an app registration with a client secret in Key Vault).')
@allowed([
  'UserAssignedMSI'
  'SingleTenant'
])
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the app registration\'s id (a GUID). With UserAssignedMSI the identity\'s client id is the bot\'s app id.')
param botAppId string = ''

@description('Entra tenant the bot belongs to; also the only tenant whose activities are accepted.')
param tenantId string = subscription().tenantId

@description('App Service plan SKU; P0v3 or larger for production traffic.')
param appServiceSku string = 'P0v3'

@description('Entra group whose members may manage cadences and see HR metrics (empty: Hr:AdminUserIds only).')
param hrAdminGroupId string = ''

@description('HR admins by Entra object id, comma-separated (in addition to the group, or instead of it).')
param hrAdminUserIds string = ''

@description('The sign-in app registration of the Growth tab and the admin API (scripts/deploy/grant-permissions.sh creates it). Required with UserAssignedMSI for the tab; empty: the bot\'s app id.')
param ssoAppId string = ''

@description('The Teams app\'s id from its manifest, for links into the Growth tab (optional).')
param teamsAppId string = ''

@description('The organisation that runs the bot, named on its privacy and terms pages (the manifest links them).')
param organisationName string = 'Your organisation'

@description('Whom people ask about their data, on the privacy page: an email address or a web page.')
param privacyContact string = 'your HR team'

@description('Where alerts are emailed (empty: alerts show in the portal only).')
param alertEmail string = ''

var useManagedIdentity = botAppType == 'UserAssignedMSI'
var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-${suffix}'
var storageName = toLower(take('${name}${suffix}', 24))
var vaultName = take('${name}-kv-${suffix}', 24)
var secretName = 'bot-app-password'
var appId = useManagedIdentity ? identity.properties.clientId : botAppId

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-identity'
  location: location
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

// Storage Table Data Contributor, Storage Queue Data Contributor, Storage Blob Data Contributor.
var storageRoles = [
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
]

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, identity.id, role)
  scope: storage
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = if (!useManagedIdentity) {
  name: vaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// Key Vault Secrets User: the app reads the secret through its Key Vault reference, and nothing else.
resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!useManagedIdentity) {
  name: guid(vaultName, identity.id, '4633458b-17de-408a-b874-0445c86b69e6')
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

var commonSettings = [
  { name: 'Bot__AppId', value: appId }
  { name: 'Bot__AppType', value: useManagedIdentity ? 'UserAssignedMsi' : 'SingleTenant' }
  { name: 'Bot__TenantId', value: tenantId }
  { name: 'Bot__PublicBaseUrl', value: 'https://${appName}.azurewebsites.net/' }
  { name: 'Bot__TeamsAppId', value: teamsAppId }
  { name: 'Bot__SsoAppId', value: ssoAppId }
  { name: 'Storage__AccountUri', value: storage.properties.primaryEndpoints.table }
  { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
  { name: 'OrgDirectory__Source', value: 'Graph' }
  { name: 'Hr__AdminGroupId', value: hrAdminGroupId }
  { name: 'Legal__Organisation', value: organisationName }
  { name: 'Legal__Contact', value: privacyContact }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
  { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
]
// HR admins are deployment parameters, not portal edits: siteConfig.appSettings replaces the whole collection on every
// deployment, so a setting added by hand would vanish on the next one.
var hrAdminUsers = filter(map(split(hrAdminUserIds, ','), id => trim(id)), id => !empty(id))
var hrAdminSettings = [for (id, i) in hrAdminUsers: { name: 'Hr__AdminUserIds__${i}', value: id }]
// The secret path: a Key Vault reference resolved by App Service with the identity, never the secret itself.
var secretSettings = useManagedIdentity ? [] : [
  { name: 'Bot__AppPassword', value: '@Microsoft.KeyVault(VaultName=${vaultName};SecretName=${secretName})' }
]

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health/ready'
      appSettings: concat(commonSettings, hrAdminSettings, secretSettings)
    }
  }
}

resource ftpOff 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: app
  name: 'ftp'
  properties: { allow: false }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'CheckinBot'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: appId
    msaAppTenantId: tenantId
    msaAppType: botAppType
    msaAppMSIResourceId: useManagedIdentity ? identity.id : null
    disableLocalAuth: false
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}

resource alertsGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: '${name}-alerts'
  location: 'global'
  properties: {
    groupShortName: take(name, 12)
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      { name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

// docs/operations.md: what each alert means and what to do.
var queryAlerts = [
  {
    name: 'dead-letters'
    description: 'A run could not deliver someone\'s check-in after every attempt (see the run\'s dead letters).'
    query: 'AppMetrics | where Name == "checkinbot.runs.recipients" and tostring(Properties["status"]) == "Failed" | summarize Failed = sum(Sum)'
    column: 'Failed'
    threshold: 0
    window: 'PT15M'
  }
  {
    name: 'throttled'
    description: 'Teams has been answering 429 for a while: another app shares the tenant\'s limit, or Teams:MaxRequestsPerSecond is too high.'
    query: 'AppMetrics | where Name == "checkinbot.teams.throttled" | summarize Throttled = sum(Sum)'
    column: 'Throttled'
    threshold: 50
    window: 'PT30M'
  }
]

resource metricAlerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for alert in queryAlerts: {
  name: '${name}-${alert.name}'
  location: location
  properties: {
    description: alert.description
    severity: 2
    enabled: true
    scopes: [ logs.id ]
    evaluationFrequency: 'PT5M'
    windowSize: alert.window
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Total'
          metricMeasureColumn: alert.column
          operator: 'GreaterThan'
          threshold: alert.threshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [ alertsGroup.id ] }
  }
}]

resource healthAlert 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: '${name}-health'
  location: 'global'
  properties: {
    description: 'An instance fails /health/ready (Table Storage unreachable, or the bot not running).'
    severity: 1
    enabled: true
    scopes: [ app.id ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'health'
          metricName: 'HealthCheckStatus'
          operator: 'LessThan'
          threshold: 100
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [ { actionGroupId: alertsGroup.id } ]
  }
}

output appName string = app.name
output botEndpoint string = 'https://${app.properties.defaultHostName}/api/messages'
output botDomain string = app.properties.defaultHostName
output botAppId string = appId
output identityClientId string = identity.properties.clientId
output identityPrincipalId string = identity.properties.principalId
output keyVaultName string = useManagedIdentity ? '' : vaultName
// What the next deployment keeps (scripts/deploy/deploy.sh reads these when .deploy/<group>.json is not at hand).
output teamsAppId string = teamsAppId
output ssoAppId string = ssoAppId
output hrAdminGroupId string = hrAdminGroupId
output hrAdminUserIds string = hrAdminUserIds
output alertEmail string = alertEmail
output botAppType string = botAppType
@description('The identity that calls Graph: the managed identity; empty with SingleTenant (the bot app\'s service principal, found by grant-permissions.sh).')
output graphPrincipalId string = useManagedIdentity ? identity.properties.principalId : ''
output storageAccount string = storage.name
