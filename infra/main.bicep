// CheckinBot in the customer's own subscription: an App Service (Linux, .NET 10) running the bot with a
// user-assigned managed identity, a storage account for tables/queues/blobs reached with that identity
// (no keys in app settings), and the Azure Bot registration with its Teams channel.
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam -p botAppPassword=<secret>

targetScope = 'resourceGroup'

@description('Short name used to derive resource names (letters and digits).')
@minLength(3)
@maxLength(12)
param name string = 'checkinbot'

param location string = resourceGroup().location

@minLength(36)
@maxLength(36)
@description('The bot\'s Entra app id (a GUID). Required: an empty app id would run the bot without token checks.')
param botAppId string

@description('Client secret of the bot app registration.')
@secure()
param botAppPassword string

@description('Entra tenant the bot belongs to; also the only tenant whose activities are accepted.')
param tenantId string = subscription().tenantId

@description('App Service plan SKU; P0v3 or larger for production traffic.')
param appServiceSku string = 'P0v3'

@description('Entra group whose members may manage cadences and see HR metrics.')
param hrAdminGroupId string = ''

var suffix = uniqueString(resourceGroup().id, name)
var appName = '${name}-${suffix}'
var storageName = toLower(take('${name}${suffix}', 24))

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

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

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
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/health/ready'
      appSettings: [
        { name: 'Bot__AppId', value: botAppId }
        { name: 'Bot__AppPassword', value: botAppPassword }
        { name: 'Bot__TenantId', value: tenantId }
        { name: 'Bot__PublicBaseUrl', value: 'https://${appName}.azurewebsites.net/' }
        { name: 'Bot__AppType', value: 'SingleTenant' }
        { name: 'Storage__AccountUri', value: storage.properties.primaryEndpoints.table }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'OrgDirectory__Source', value: 'Graph' }
        { name: 'Hr__AdminGroupId', value: hrAdminGroupId }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'CheckinBot'
    endpoint: 'https://${app.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppTenantId: tenantId
    msaAppType: 'SingleTenant'
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

output botEndpoint string = 'https://${app.properties.defaultHostName}/api/messages'
output botDomain string = app.properties.defaultHostName
output storageAccount string = storage.name
