#!/usr/bin/env node
// Amplify's own model codegen (the reference amplify-modelgen must match byte for byte), run the
// way a new transformer-v2 project runs it (docs/MODELS.md lists the options).
//
//   node generate.js --out-dir DIR [--repeat N] SCHEMA.graphql...
//
// For each x.graphql writes DIR/x.models (schema.js) and DIR/x.introspection.json
// (model-introspection.json), or DIR/x.error (the message) when the reference throws. All schemas
// run in this one process. With --repeat N, after one warm-up it times N generations per file
// (one generation = both targets, as the server produces both strings) and prints
// `x.graphql <mean microseconds per generation>` (`x.graphql error` for a rejected schema).
'use strict';

const fs = require('fs');
const path = require('path');
const { generateModels } = require('@aws-amplify/graphql-generator');
const { DefaultDirectives } = require('@aws-amplify/graphql-directives');

const OPTIONS = {
  directives: DefaultDirectives.map((d) => d.definition).join('\n'),
  transformerVersion: 2,
  useExperimentalPipelinedTransformer: true,
  generateIndexRules: true,
  emitAuthProvider: true,
  respectPrimaryKeyAttributesOnConnectionField: true,
  generateModelsForLazyLoadAndCustomSelectionSet: true,
  addTimestampFields: true,
  handleListNullabilityTransparently: true,
  improvePluralization: false,
};

function usage(message) {
  process.stderr.write(`generate.js: ${message}\n` +
    'usage: node generate.js --out-dir DIR [--repeat N] SCHEMA.graphql...\n');
  process.exit(2);
}

function parseArgs(argv) {
  const args = { outDir: null, repeat: 0, schemas: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out-dir') {
      if (i + 1 >= argv.length) usage('--out-dir needs a value');
      args.outDir = argv[++i];
    } else if (arg === '--repeat') {
      if (i + 1 >= argv.length) usage('--repeat needs a value');
      args.repeat = Number(argv[++i]);
      if (!Number.isInteger(args.repeat) || args.repeat < 1) usage('--repeat needs a positive integer');
    } else if (arg.startsWith('--')) {
      usage(`unknown option ${arg}`);
    } else {
      args.schemas.push(arg);
    }
  }
  if (!args.outDir) usage('--out-dir is required');
  if (args.schemas.length === 0) usage('no schema given');
  return args;
}

async function generateBoth(schema) {
  const js = await generateModels({ schema, target: 'javascript', ...OPTIONS });
  const intro = await generateModels({ schema, target: 'introspection', ...OPTIONS });
  return { models: js['schema.js'], introspection: intro['model-introspection.json'] };
}

// GraphQL syntax errors carry their position apart from the message; append it the way
// amplify-modelgen writes positions: `message (line L, column C)`.
function errorText(error) {
  const message = error && error.message !== undefined ? String(error.message) : String(error);
  const where = error && Array.isArray(error.locations) && error.locations[0];
  return where ? `${message} (line ${where.line}, column ${where.column})` : message;
}

async function runOne(schemaPath, args) {
  const base = path.basename(schemaPath).replace(/\.graphql$/, '');
  const schema = fs.readFileSync(schemaPath, 'utf8');
  const target = (ext) => path.join(args.outDir, base + ext);
  let result;
  try {
    result = await generateBoth(schema);
  } catch (error) {
    fs.writeFileSync(target('.error'), errorText(error));
    if (args.repeat) process.stdout.write(`${path.basename(schemaPath)} error\n`);
    return;
  }
  fs.writeFileSync(target('.models'), result.models);
  fs.writeFileSync(target('.introspection.json'), result.introspection);
  if (!args.repeat) return;
  // The generation above was the warm-up.
  const start = process.hrtime.bigint();
  for (let i = 0; i < args.repeat; i++) await generateBoth(schema);
  const micros = Number(process.hrtime.bigint() - start) / 1000 / args.repeat;
  process.stdout.write(`${path.basename(schemaPath)} ${micros.toFixed(1)}\n`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  fs.mkdirSync(args.outDir, { recursive: true });
  for (const schemaPath of args.schemas) await runOne(schemaPath, args);
}

main().catch((error) => {
  process.stderr.write(`generate.js: ${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
