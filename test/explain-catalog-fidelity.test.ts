/**
 * The bundled 1.36 catalog must explain every kind and field exactly as the upstream swagger.json
 * it stands for: same resources, same text, byte for byte. Failures here point at the catalog
 * (a lost description, a collapsed line break, a reference turned into an inline type).
 *
 * Checked for the stable API versions (`v1`, `v2`); the packages the catalog is built from do not
 * carry every alpha and beta description yet. K8S_LINT_PRINT_MISMATCHES=1 lists the differences,
 * K8S_LINT_ALL_VERSIONS=1 checks pre-release versions too.
 */
import { describe, expect, it } from 'vitest';
import { runExplain } from '../src/explain/index.js';
import { explainApiFrom, loadExplainApi } from '../src/explain/source.js';
import { fieldPaths } from './explain-support/field-paths.js';
import { hasSwagger, swaggerSource } from './explain-support/openapi-source.js';

const VERSION = '1.36';

describe.skipIf(!hasSwagger(VERSION))(`bundled ${VERSION} catalog explains like upstream`, () => {
  const upstream = hasSwagger(VERSION) ? explainApiFrom(swaggerSource(VERSION)) : undefined;
  const bundled = loadExplainApi(VERSION);

  it('serves the same resources', () => {
    const names = (api: typeof bundled | undefined) => api?.discovery.resources.map((r) => `${r.group}/${r.version}/${r.plural}:${r.kind}:${r.namespaced}`).sort();
    expect(names(bundled)).toEqual(names(upstream));
  });

  it('renders every kind and field of stable versions (four levels deep) identically, in both layouts', () => {
    if (!upstream) return;
    const mismatches: string[] = [];
    let compared = 0;
    const stable = (version: string): boolean => /^v\d+$/.test(version) || Boolean(process.env.K8S_LINT_ALL_VERSIONS);
    for (const resource of upstream.discovery.resources.filter((r) => stable(r.version))) {
      const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
      const queries: { target: string; recursive?: boolean; output?: 'plaintext-openapiv2' }[] = [
        { target: resource.plural },
        { target: resource.plural, recursive: true },
        { target: resource.plural, output: 'plaintext-openapiv2' },
        { target: resource.plural, recursive: true, output: 'plaintext-openapiv2' },
      ];
      for (const path of fieldPaths(upstream.source, resource.definition, 4)) queries.push({ target: [resource.plural, ...path].join('.') });
      for (const query of queries) {
        const args = { ...query, apiVersion };
        const expected = runExplain(args, upstream);
        const actual = runExplain(args, bundled);
        compared++;
        if (expected.stdout !== actual.stdout || expected.exitCode !== actual.exitCode) {
          mismatches.push(`${query.target}${query.recursive ? ' --recursive' : ''}${query.output ? ` --output=${query.output}` : ''} --api-version=${apiVersion}`);
        }
      }
    }
    if (process.env.K8S_LINT_PRINT_MISMATCHES) console.log(`${mismatches.length}/${compared} differ\n${mismatches.join('\n')}`);
    expect(mismatches.slice(0, 25)).toEqual([]);
    expect(compared).toBeGreaterThan(4000);
  });
});
