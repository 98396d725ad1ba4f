import { versionAtLeast } from '../k8s/api-version.js';
import { asArray, asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import type { Path } from '../types.js';
import { defineRule } from './define-rule.js';

const STRICT_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** Printable ASCII (space included) except "=". */
const RELAXED_NAME = /^[\x20-\x3c\x3e-\x7e]+$/;

/** Why an environment variable name (or envFrom prefix) is rejected, or undefined. */
export function envVarNameProblem(name: string, relaxed: boolean): string | undefined {
  if (relaxed) return RELAXED_NAME.test(name) ? undefined : 'must consist of printable ASCII characters other than "="';
  if (!STRICT_NAME.test(name)) return 'must consist of letters, digits, "_", "-" and ".", and not start with a digit';
  if (name === '.' || name === '..' || name.startsWith('..')) return 'must not be "." or "..", nor start with ".."';
  return undefined;
}

const VALUE_SOURCES = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'];
const ENV_FROM_SOURCES = ['configMapRef', 'secretRef'];

/** The source fields set, in the order they are written (the API server names none of them in particular). */
const present = (obj: Record<string, unknown>, keys: readonly string[]) => Object.keys(obj).filter((k) => keys.includes(k) && obj[k] !== null);

export default defineRule<'emptyName' | 'badName' | 'badPrefix' | 'noSource' | 'severalSources' | 'valueAndFrom'>({
  id: 'env-vars',
  description: 'Require valid environment variable names and prefixes, and exactly one source for each valueFrom and envFrom entry',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    emptyName: 'environment variable name is empty',
    badName: 'environment variable name "{{name}}" is invalid: it {{reason}}',
    badPrefix: 'envFrom prefix "{{name}}" is invalid: it {{reason}}',
    noSource: '{{field}} sets no source: give one of {{sources}}',
    severalSources: '{{field}} sets both {{first}} and {{other}}; only one source is allowed',
    valueAndFrom: 'environment variable "{{name}}" sets both value and valueFrom',
  },
  *check(resource, ctx) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    // RelaxedEnvironmentVariableValidation is on by default from 1.32 (beta) and locked on from 1.34.
    const relaxed = versionAtLeast(ctx.kubernetesVersion, '1.32');
    const hint = relaxed ? undefined : 'Kubernetes 1.32 and later accept any printable ASCII character except "="';
    for (const c of containersOf(spec)) {
      for (const [i, item] of (asArray(c.value.env) ?? []).entries()) {
        const env = asObject(item);
        if (!env) continue;
        const path: Path = [...c.path, 'env', i];
        if (env.name === '') yield { path: [...path, 'name'], on: 'value', messageId: 'emptyName' };
        else if (typeof env.name === 'string') {
          const reason = envVarNameProblem(env.name, relaxed);
          if (reason) yield { path: [...path, 'name'], on: 'value', messageId: 'badName', data: { name: env.name, reason }, ...(hint ? { hint } : {}) };
        }
        const from = asObject(env.valueFrom);
        if (!from) continue;
        const set = present(from, VALUE_SOURCES);
        const field = 'valueFrom';
        if (set.length === 0) {
          yield { path: [...path, 'valueFrom'], on: 'key', messageId: 'noSource', data: { field, sources: 'fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef' } };
        } else if (typeof env.value === 'string' && env.value !== '') {
          yield { path: [...path, 'valueFrom'], on: 'key', messageId: 'valueAndFrom', data: { name: String(env.name) }, hint: 'keep value for a literal, or valueFrom to read it from elsewhere' };
        } else {
          for (const other of set.slice(1)) yield { path: [...path, 'valueFrom', other], on: 'key', messageId: 'severalSources', data: { field, first: set[0], other } };
        }
      }
      for (const [i, item] of (asArray(c.value.envFrom) ?? []).entries()) {
        const source = asObject(item);
        if (!source) continue;
        const path: Path = [...c.path, 'envFrom', i];
        if (typeof source.prefix === 'string' && source.prefix !== '') {
          const reason = envVarNameProblem(source.prefix, relaxed);
          if (reason) yield { path: [...path, 'prefix'], on: 'value', messageId: 'badPrefix', data: { name: source.prefix, reason }, ...(hint ? { hint } : {}) };
        }
        const set = present(source, ENV_FROM_SOURCES);
        const field = 'envFrom entry';
        const firstKey = Object.keys(source)[0];
        if (set.length === 0) {
          yield { path: firstKey !== undefined ? [...path, firstKey] : path, on: firstKey !== undefined ? 'key' : 'value', messageId: 'noSource', data: { field, sources: 'configMapRef or secretRef' } };
        }
        for (const other of set.slice(1)) yield { path: [...path, other], on: 'key', messageId: 'severalSources', data: { field, first: set[0], other } };
      }
    }
  },
});
