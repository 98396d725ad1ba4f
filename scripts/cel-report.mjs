#!/usr/bin/env node
// Reports how the CEL validation rules of the CRDs in a folder fare on the custom resources of
// the same folder: rules that compile, rules skipped and why, evaluations, and every finding.
//   npm run build && node scripts/cel-report.mjs ../shared/corpus-large
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const dist = new URL('../dist/schema/', import.meta.url);
const { catalogFromCRD } = await import(new URL('from-crd.js', dist));
const { CelEngine } = await import(new URL('cel/engine.js', dist));
const { CelValidator } = await import(new URL('cel/validator.js', dist));
const { createCelStage } = await import(new URL('cel/index.js', dist));

function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const root = process.argv[2];
if (!root) {
  console.error('usage: node scripts/cel-report.mjs <folder>');
  process.exit(2);
}
const objects = [];
for (const file of yamlFiles(root)) {
  try {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' })) {
      const value = doc.toJS();
      if (value && typeof value === 'object' && !Array.isArray(value)) objects.push({ file, value });
    }
  } catch {
    // Files that do not parse are the parse stage's to report.
  }
}

const definitions = {};
const definitionOf = new Map();
const crds = objects.filter(({ value }) => value.kind === 'CustomResourceDefinition').map(({ value }) => value);
for (const value of crds) {
  const catalog = catalogFromCRD(value);
  Object.assign(definitions, catalog.definitions);
  for (const r of catalog.resources) definitionOf.set(`${r.apiVersion} ${r.kind}`, r.definition);
}

const engine = new CelEngine();
const validator = new CelValidator(engine, (node) => node);
const counts = { rules: 0, evaluated: 0, transition: 0, unsupported: 0 };
for (const [name, schema] of Object.entries(definitions)) {
  for (const rule of validator.allRules(schema)) {
    counts.rules++;
    const compiled = engine.compile(rule.rule);
    if (!compiled.ok) {
      counts[compiled.reason]++;
      if (compiled.reason === 'unsupported') console.log(`not supported: ${name}: ${rule.rule.trim()} (${compiled.detail})`);
    } else if (compiled.usesOldSelf && rule.optionalOldSelf !== true) counts.transition++;
    else counts.evaluated++;
  }
}

let evaluations = 0;
const evaluate = CelEngine.evaluate;
CelEngine.evaluate = (...args) => {
  evaluations++;
  return evaluate(...args);
};
const stage = createCelStage(definitions, (node) => node, crds);
let resources = 0;
let findings = 0;
const notices = new Set();
for (const { file, value } of objects) {
  const definition = definitionOf.get(`${value.apiVersion} ${value.kind}`);
  if (!definition) continue;
  resources++;
  const result = stage.check(definition, value);
  for (const problem of result.problems) {
    findings++;
    console.log(`finding: ${file}: ${problem.message}`);
  }
  for (const notice of result.notices) notices.add(notice);
}
for (const notice of notices) console.log(`note: ${notice}`);
console.log(`rules: ${counts.rules} (${counts.evaluated} evaluated, ${counts.transition} transition rules, ${counts.unsupported} not supported)`);
console.log(`custom resources: ${resources}, rule evaluations: ${evaluations}, findings: ${findings}`);
