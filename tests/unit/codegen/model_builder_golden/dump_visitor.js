// Dumps the AppSyncModelVisitor state after processDirectives (introspection target) as JSON.
// Usage: node dump_visitor.js OUT_DIR SCHEMA.graphql...
// REF_NODE_MODULES names the reference's node_modules (default: tools/modelgen-reference's, else
// /tmp/ref/node_modules). Writes OUT_DIR/<schema>.json from the introspection target, and
// OUT_DIR/<schema>.models.json from the javascript target's schema.js visitor when that state
// differs (a type defined more than once, see model_builder.h).
const toolModules = require('path').join(__dirname, '../../../../tools/modelgen-reference/node_modules');
const R = (process.env.REF_NODE_MODULES ||
           (require('fs').existsSync(toolModules) ? toolModules : '/tmp/ref/node_modules')) + '/';
const { generateModels } = require(R + '@aws-amplify/graphql-generator');
const { DefaultDirectives } = require(R + '@aws-amplify/graphql-directives');
const V = require(R + '@aws-amplify/appsync-modelgen-plugin/lib/visitors/appsync-model-introspection-visitor');
const J = require(R + '@aws-amplify/appsync-modelgen-plugin/lib/visitors/appsync-json-metadata-visitor');
const fs = require('fs');
const directives = DefaultDirectives.map(d => d.definition).join('\n');
const opts = { directives, transformerVersion: 2, useExperimentalPipelinedTransformer: true, generateIndexRules: true, emitAuthProvider: true, respectPrimaryKeyAttributesOnConnectionField: true, generateModelsForLazyLoadAndCustomSelectionSet: true, addTimestampFields: true, handleListNullabilityTransparently: true, improvePluralization: false };
let dumped = null;
const dir = d => ({ name: d.name, arguments: d.arguments, ...(d.fieldName !== undefined ? { flattened: true } : {}) });
const tinfo = f => ({ type: f.type, isList: f.isList, isNullable: f.isNullable, ...(f.isListNullable !== undefined ? { isListNullable: f.isListNullable } : {}) });
const field = f => {
  const o = { name: f.name, ...tinfo(f), directives: (f.directives || []).map(dir) };
  if (f.parameters && f.parameters.length) o.parameters = f.parameters.map(p => ({ name: p.name, ...tinfo(p), directives: p.directives.map(dir) }));
  if (f.isReadOnly !== undefined) o.isReadOnly = f.isReadOnly;
  if (f.primaryKeyInfo) o.primaryKeyInfo = { primaryKeyType: f.primaryKeyInfo.primaryKeyType, sortKeyFields: f.primaryKeyInfo.sortKeyFields.map(s => s.name) };
  const c = f.connectionInfo;
  if (c) {
    o.connectionInfo = { kind: c.kind, connectedModel: c.connectedModel.name, isConnectingFieldAutoCreated: !!c.isConnectingFieldAutoCreated };
    if (c.kind !== 'BELONGS_TO') { o.connectionInfo.associatedWith = c.associatedWith.name; o.connectionInfo.associatedWithFields = c.associatedWithFields.map(x => x.name); }
    if (c.targetName !== undefined) o.connectionInfo.targetName = c.targetName;
    if (c.targetNames !== undefined) o.connectionInfo.targetNames = c.targetNames;
    if (c.isUsingReferences) o.connectionInfo.isUsingReferences = true;
  }
  return o;
};
const model = m => ({ name: m.name, directives: m.directives.map(dir), fields: m.fields.map(field) });
function dumpState() {
  return {
    models: Object.values(this.modelMap).map(model),
    nonModels: Object.values(this.nonModelMap).map(model),
    enums: Object.values(this.enumMap).map(e => ({ name: e.name, values: Object.values(e.values) })),
    queries: Object.values(this.queryMap).map(field),
    mutations: Object.values(this.mutationMap).map(field),
    subscriptions: Object.values(this.subscriptionMap).map(field),
    inputs: Object.values(this.inputObjectMap).map(i => ({ name: i.name, inputValues: i.inputValues.map(p => ({ name: p.name, ...tinfo(p), directives: p.directives.map(dir) })) })),
    unions: Object.values(this.unionMap).map(u => ({ name: u.name, typeNames: u.typeNames })),
    interfaces: Object.values(this.interfaceMap).map(i => ({ name: i.name, fields: i.fields.map(field) })),
    version: this.computeVersion(),
  };
}
V.AppSyncModelIntrospectionVisitor.prototype.generate = function () {
  this.processDirectives(false, true, true);
  dumped = dumpState.call(this);
  return '{}';
};
let dumpedModels = null;
const jsonGenerate = J.AppSyncJSONVisitor.prototype.generate;
J.AppSyncJSONVisitor.prototype.generate = function () {
  if (this._parsedConfig.metadataTarget !== 'javascript') return jsonGenerate.call(this);
  this.processDirectives(false, true, true);
  dumpedModels = dumpState.call(this);
  return '';
};
(async () => {
  const out = process.argv[2];
  for (const file of process.argv.slice(3)) {
    const schema = fs.readFileSync(file, 'utf8');
    dumped = null;
    dumpedModels = null;
    let text;
    let modelsText = null;
    const stem = out + '/' + require('path').basename(file, '.graphql');
    try { await generateModels({ schema, target: 'introspection', ...opts }); text = JSON.stringify(dumped); }
    catch (e) { text = JSON.stringify({ error: e.message }); }
    try { await generateModels({ schema, target: 'javascript', ...opts }); modelsText = JSON.stringify(dumpedModels); }
    catch (e) { modelsText = JSON.stringify({ error: e.message }); }
    // Boost.JSON cannot read lone surrogate escapes: the goldens carry U+FFFD instead (the test
    // maps the WTF-8 surrogates of its own strings the same way).
    const lone = /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/g;
    text = text.replace(lone, '\\ufffd');
    modelsText = modelsText.replace(lone, '\\ufffd');
    fs.writeFileSync(stem + '.json', text);
    if (modelsText !== text) fs.writeFileSync(stem + '.models.json', modelsText);
  }
})();
