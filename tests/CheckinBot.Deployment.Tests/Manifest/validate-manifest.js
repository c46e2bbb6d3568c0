// Validates a Teams app manifest against the official JSON schema bundled in npm "@microsoft/app-manifest"
// (no network). Usage: node validate-manifest.js <repo root> <manifest.json>. Prints the ajv errors as JSON.
const path = require('path');
const fs = require('fs');
const [root, manifestPath] = process.argv.slice(2);
const req = (m) => require(path.join(root, 'node_modules', m));
const Ajv = req('ajv-draft-04').default; // the Teams schemas are draft-04
const addFormats = req('ajv-formats').default;

const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
const version = manifest.manifestVersion;
const schemaPath = path.join(root, 'node_modules/@microsoft/app-manifest/build/json-schemas/teams', `v${version}`, 'MicrosoftTeams.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
validate(manifest);
process.stdout.write(JSON.stringify((validate.errors || []).map(e => `${e.instancePath} ${e.message}`)));
