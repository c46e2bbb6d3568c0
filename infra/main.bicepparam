using 'main.bicep'

param name = 'checkinbot'
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppPassword = readEnvironmentVariable('BOT_APP_PASSWORD', '')
param appServiceSku = 'P0v3'
