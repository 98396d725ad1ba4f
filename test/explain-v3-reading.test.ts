/**
 * kubectl reads OpenAPI v3 documents; our catalog and the upstream swagger.json are in the v2 style.
 * Rendering every kind and field of Kubernetes 1.35 from both upstream forms must give the same
 * bytes, which shows that explain reads v2-style schemas as kubectl reads the v3 documents.
 */
import { describe, expect, it } from 'vitest';
import { runExplain } from '../src/explain/index.js';
import { explainApiFrom } from '../src/explain/source.js';
import { fieldPaths } from './explain-support/field-paths.js';
import { hasSwagger, hasV3, swaggerSource, v3Source } from './explain-support/openapi-source.js';


const VERSION = '1.35';

describe.skipIf(!hasSwagger(VERSION) || !hasV3(VERSION))('explain reads v2-style schemas as kubectl reads v3 documents', () => {
  const fromV2 = hasSwagger(VERSION) ? explainApiFrom(swaggerSource(VERSION)) : undefined;
  const fromV3 = hasV3(VERSION) ? explainApiFrom(v3Source(VERSION)) : undefined;

  it('serves the same resources', () => {
    const names = (api: typeof fromV2) => api?.discovery.resources.map((r) => `${r.group}/${r.version}/${r.plural}`).sort();
    expect(names(fromV2)).toEqual(names(fromV3));
  });

  it('renders every kind, recursively and field by field (five levels deep), identically', () => {
    if (!fromV2 || !fromV3) return;
    let compared = 0;
    let succeeded = 0;
    const mismatches: string[] = [];
    for (const resource of fromV3.discovery.resources) {
      const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
      // With --api-version kubectl reads the first segment as the resource, never `plural.group`.
      const target = resource.plural;
      const queries: { target: string; recursive?: boolean }[] = [{ target }, { target, recursive: true }];
      for (const path of fieldPaths(fromV3.source, resource.definition, 5)) queries.push({ target: [target, ...path].join('.') });
      for (const query of queries) {
        const args = { ...query, apiVersion };
        const expected = runExplain(args, fromV3);
        const actual = runExplain(args, fromV2);
        compared++;
        if (expected.exitCode === 0) succeeded++;
        if (expected.stdout !== actual.stdout || expected.stderr !== actual.stderr) mismatches.push(`${query.target} --api-version=${apiVersion}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(compared).toBeGreaterThan(8_000);
    expect(succeeded).toBe(compared);
  });
});
