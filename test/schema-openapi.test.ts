/**
 * A user's own OpenAPI documents as catalogs: the upstream 1.35 v3 documents and 1.34 v2 document
 * (../shared, reference material) stand in for what `kubectl get --raw /openapi/v3/...` and
 * `/openapi/v2` print.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogFromOpenAPI, createCatalog, loadCatalog } from '../src/schema/catalog.js';
import { createSchemaChecker } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const openapi = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'openapi');
const v3dir = join(openapi, 'v1.35', 'v3');

describe.skipIf(!existsSync(v3dir))('catalogs from upstream OpenAPI documents', () => {
  // Read in beforeAll, not while collecting: a skipped describe still runs its body.
  let fromV3: ReturnType<typeof catalogFromOpenAPI>;
  beforeAll(() => {
    const documents = readdirSync(v3dir).sort().map((f) => JSON.parse(readFileSync(join(v3dir, f), 'utf8')) as JsonValue);
    fromV3 = catalogFromOpenAPI(documents, '1.35');
  });

  it('reads the v3 documents: kinds, plurals, scopes and $ref names', () => {
    const catalog = createCatalog(fromV3);
    expect(catalog.findResource('apps/v1', 'Deployment')).toMatchObject({ plural: 'deployments', namespaced: true, definition: 'io.k8s.api.apps.v1.Deployment' });
    expect(catalog.findResource('rbac.authorization.k8s.io/v1', 'ClusterRole')?.namespaced).toBe(false);
    expect(catalog.definition('io.k8s.api.core.v1.ServicePort')?.properties?.targetPort?.$ref).toBe('io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    // The bundled 1.34 and 1.36 catalogs bracket 1.35: most kinds are in all three.
    const bundled = new Set(loadCatalog('1.36').resources.map((r) => `${r.apiVersion} ${r.kind}`));
    const shared = fromV3.resources.filter((r) => bundled.has(`${r.apiVersion} ${r.kind}`));
    expect(shared.length).toBeGreaterThan(80);
  });

  it('validates with a user catalog given as extraCatalogs, using what v3 adds (defaults)', () => {
    const checker = createSchemaChecker({ kubernetesVersion: '1.36', extraCatalogs: [fromV3] });
    const pod: JsonValue = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80 }, { containerPort: 80, protocol: 'TCP' }] }] } };
    const result = checker.check({ apiVersion: 'v1', kind: 'Pod', object: pod });
    expect(result.reports.map((r) => r.ruleId)).toEqual(['list-map-key']);
    const bad = checker.check({ apiVersion: 'apps/v1', kind: 'Deployment', object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 'x' } } });
    expect(bad.reports.map((r) => r.message).sort()).toEqual(['spec.replicas: expected integer, got string "x"', 'spec.selector: required field is missing', 'spec.template: required field is missing']);
  });

  it('reads a v2 dump the same way as the bundled build does', () => {
    const v2 = JSON.parse(readFileSync(join(openapi, 'v1.34', 'swagger.json'), 'utf8')) as JsonValue;
    const fromV2 = catalogFromOpenAPI(v2, '1.34');
    const bundled = loadCatalog('1.34');
    expect(fromV2.resources).toEqual(bundled.resources);
  });
});
