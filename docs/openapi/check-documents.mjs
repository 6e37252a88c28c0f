// What a linter of one document cannot see: the four documents are merged into one (the gateway's
// /api/v1/openapi.json), so an operationId must be unique across all of them, and a component schema that two
// services both define must be the same schema. Usage: node check-documents.mjs <openapi.json>...
import { readFileSync } from 'node:fs';

const methods = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const operationIds = new Map();
const schemas = new Map();
const problems = [];

for (const file of process.argv.slice(2)) {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of methods) {
      const op = item[method];
      if (!op) continue;
      const where = `${file}: ${method.toUpperCase()} ${path}`;
      if (!op.operationId) {
        problems.push(`${where} has no operationId`);
      } else if (operationIds.has(op.operationId)) {
        problems.push(`operationId ${op.operationId} of ${where} is also ${operationIds.get(op.operationId)}`);
      } else {
        operationIds.set(op.operationId, where);
      }
    }
  }
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    const text = JSON.stringify(schema);
    const seen = schemas.get(name);
    if (seen && seen.text !== text) {
      problems.push(`schema ${name} of ${file} differs from the one of ${seen.file}`);
    } else if (!seen) {
      schemas.set(name, { file, text });
    }
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`${operationIds.size} operations with unique operationIds; ${schemas.size} component schemas, none in conflict`);
