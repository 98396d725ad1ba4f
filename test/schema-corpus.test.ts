/**
 * kubeconform's fixtures (../shared/corpus, reference material) against their documented verdicts
 * (EXPECTED.md there). kubeconform is lenient by default; strict verdicts are checked separately.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createSchemaChecker, type SchemaCheckResult } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus', 'kubeconform-fixtures');

/** Objects of a file as the API server would see them; List items are checked one by one. */
function objectsOf(file: string): Record<string, JsonValue>[] {
  const out: Record<string, JsonValue>[] = [];
  for (const doc of parseAllDocuments(readFileSync(join(corpus, file), 'utf8'), { version: '1.1' })) {
    if ('errors' in doc && doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]?.message}`);
    const value = doc.toJS() as JsonValue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    if (value.kind === 'List' && Array.isArray(value.items)) out.push(...(value.items.filter((i) => i !== null && typeof i === 'object' && !Array.isArray(i)) as Record<string, JsonValue>[]));
    else out.push(value);
  }
  return out;
}

const checkers = new Map<string, ReturnType<typeof createSchemaChecker>>();

function checkFile(file: string, options: Parameters<typeof createSchemaChecker>[0] = {}): SchemaCheckResult[] {
  const key = JSON.stringify(options);
  const checker = checkers.get(key) ?? createSchemaChecker({ kubernetesVersion: '1.36', ...options });
  checkers.set(key, checker);
  return objectsOf(file).map((object) => checker.check({ apiVersion: object.apiVersion as string, kind: object.kind as string, object }));
}

/** Messages in a stable order (the lint stage orders findings by position anyway). */
const messages = (results: SchemaCheckResult[]) => results.flatMap((r) => r.reports.map((x) => `${x.ruleId}: ${x.message}`)).sort();

describe.skipIf(!existsSync(corpus))('kubeconform fixtures', () => {
  const valid = [
    'valid.yaml', 'valid.json', 'folder/valid.yaml', 'folder/multi_valid.yaml', 'multi_valid.yaml', 'int_or_string.yaml', 'generate_name.yaml', 'quantity.yaml',
    'null_string.yaml', 'list_valid.yaml', 'list_empty_valid.yaml', 'multi_with_list.yaml', 'blank.yaml', 'comment.yaml', 'multi_valid_source.yaml',
    'full_domain_group.yaml', 'null_array.yaml', 'valid_version.yaml', 'unconventional_keys.yaml', 'duplicates.yaml', 'duplicates-non-namespaced.yaml',
    'duplicates-with-namespace.yaml', 'duplicates-with-namespace-default.yaml', 'same-object-different-namespace.yaml', 'same-object-different-namespace-default.yaml',
  ];
  it.each(valid)('%s is valid and fully checked, even when strict', (file) => {
    const results = checkFile(file);
    expect(messages(results)).toEqual([]);
    expect(results.every((r) => r.checked)).toBe(true);
  });

  it('extra_property.yaml is valid when lenient and invalid when strict', () => {
    expect(messages(checkFile('extra_property.yaml', { strict: false }))).toEqual(['schema: unknown field "spec.replicas"']);
    expect(checkFile('extra_property.yaml', { strict: false })[0]?.reports[0]?.severity).toBe('warning');
    expect(checkFile('extra_property.yaml')[0]?.reports.map((r) => r.severity)).toEqual(['error']);
  });

  it('invalid.yaml: replicas must be an integer; the templates typo is an unknown field', () => {
    expect(messages(checkFile('invalid.yaml'))).toEqual([
      'schema: spec.replicas: expected integer, got string "asd\\""',
      'schema: unknown field "spec.templates"',
    ]);
  });

  it('multi_invalid.yaml: one Service port is a string', () => {
    expect(messages(checkFile('multi_invalid.yaml'))).toEqual(['schema: spec.ports[0].port: expected integer, got string "sds"']);
  });

  it('list_invalid.yaml: the ReplicationController item is invalid, the Service valid', () => {
    const results = checkFile('list_invalid.yaml');
    expect(results.map((r) => r.reports.length)).toEqual([0, 2]);
    expect(messages(results)).toEqual(['schema: spec.replicas: expected integer, got string "asd\\""', 'schema: unknown field "spec.templates"']);
  });

  it('objects without kind or apiVersion are left to the parse stage', () => {
    for (const file of ['missing_kind.yaml', 'missing_kind_value.yaml', 'missing_apiversion.yaml', 'multi_invalid_resources.yaml']) {
      for (const result of checkFile(file)) expect(result).toMatchObject({ reports: [], checked: false });
    }
  });

  it('removed API versions are reported with the version to use', () => {
    expect(messages(checkFile('crd_schema.yaml'))).toEqual(['unknown-api: apiextensions.k8s.io/v1beta1 CustomResourceDefinition is not served by Kubernetes 1.36; use apiextensions.k8s.io/v1']);
    expect(messages(checkFile('same-kind-different-api.yaml'))).toEqual(['unknown-api: apps/v1beta1 Deployment is not served by Kubernetes 1.36; use apps/v1']);
    expect(messages(checkFile('duplicates-skipped-kinds.yaml'))[0]).toMatch(/^unknown-api: v1 SkipThisKind is not served by Kubernetes 1\.36/);
  });

  it('custom resources without a CRD are unchecked, not invalid', () => {
    for (const file of ['test_crd.yaml', 'httpproxy.yaml', 'grafana-alert-rule-group-sample.yaml']) {
      const results = checkFile(file);
      expect(results.map((r) => [r.checked, r.reports.length])).toEqual(results.map(() => [false, 0]));
    }
  });

  it('test_crd.yaml is valid against its CRD (apiextensions v1beta1, top-level validation)', () => {
    const [crd] = objectsOf('registry/sagemaker.aws.amazon.com_trainingjobs.yaml');
    const results = checkFile('test_crd.yaml', { crds: [crd as JsonValue] });
    expect(results.map((r) => r.checked)).toEqual([true]);
    expect(messages(results)).toEqual([]);
  });
});
