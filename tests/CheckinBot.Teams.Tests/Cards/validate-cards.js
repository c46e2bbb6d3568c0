// Parses Adaptive Cards with the official renderer (npm "adaptivecards") and prints every parse or validation
// problem as JSON: [{"card": index, "message": "..."}]. Input on stdin: a JSON array of card objects.
const path = require('path');
const root = process.argv[2];
const AC = require(path.join(root, 'node_modules/adaptivecards/dist/adaptivecards.js'));

const cards = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const problems = [];
cards.forEach((json, index) => {
  const context = new AC.SerializationContext();
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push({ card: index, message: context.getEventAt(i).message });
  for (const e of card.validateProperties().validationEvents) problems.push({ card: index, message: e.message });
  if (card.version && card.version.toString() !== '1.5') problems.push({ card: index, message: `version ${card.version} is not 1.5` });
});
process.stdout.write(JSON.stringify(problems));
