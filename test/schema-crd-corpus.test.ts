/**
 * Custom resources of ../shared/corpus-large (real projects' examples) against their projects'
 * CRDs: value validations (oneOf/anyOf/not), defaults and nullable as the API server applies them
 * give no finding on objects the API server accepts, and the CRDs themselves pass crd-schema.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSchemaChecker, type SchemaChecker } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'corpus-large');

function objectsOf(file: string): Record<string, JsonValue>[] {
  return parseAllDocuments(readFileSync(join(corpus, file), 'utf8'), { version: '1.1' })
    .map((doc) => doc.toJS() as JsonValue)
    .filter((v): v is Record<string, JsonValue> => v !== null && typeof v === 'object' && !Array.isArray(v));
}

/** Each set: the CRD files, and custom resources the API server accepts. */
const SETS: Record<string, { crds: string[]; valid: string[] }> = {
  istio: {
    crds: ['istio/manifests/charts/base/files/crd-all.gen.yaml'],
    valid: [
      'istio/samples/bookinfo/networking/bookinfo-gateway.yaml',
      'istio/samples/bookinfo/networking/destination-rule-reviews.yaml',
      'istio/samples/bookinfo/networking/virtual-service-ratings-test-abort.yaml',
      'istio/samples/bookinfo/networking/virtual-service-ratings-test-delay.yaml',
      'istio/samples/bookinfo/policy/productpage_envoy_ratelimit.yaml',
    ],
  },
  strimzi: {
    crds: ['strimzi/install/cluster-operator/040-Crd-kafka.yaml', 'strimzi/install/cluster-operator/041-Crd-kafkaconnect.yaml', 'strimzi/install/cluster-operator/045-Crd-kafkanodepool.yaml', 'strimzi/install/cluster-operator/048-Crd-kafkamirrormaker2.yaml'],
    valid: [
      'strimzi/packaging/examples/connect/kafka-connect.yaml',
      'strimzi/packaging/examples/mirror-maker/kafka-mirror-maker-2-tls.yaml',
      'strimzi/packaging/examples/security/keycloak-authorization/kafka-ephemeral-oauth-single-keycloak-authz.yaml',
    ],
  },
  'gateway-api': {
    crds: ['gateway-api/config/crd/experimental/gateway.networking.k8s.io_gateways.yaml'],
    valid: ['gateway-api/examples/standard/gateway-addresses.yaml'],
  },
};

describe.skipIf(!existsSync(corpus))('custom resources of corpus-large', () => {
  for (const [name, set] of Object.entries(SETS)) {
    describe(name, () => {
      let checker: SchemaChecker;
      let crds: Record<string, JsonValue>[];
      beforeAll(() => {
        crds = set.crds.flatMap(objectsOf).filter((o) => o.kind === 'CustomResourceDefinition');
        checker = createSchemaChecker({ kubernetesVersion: '1.36', crds });
      });

      it('the CRDs pass schema and crd-schema', () => {
        const reports = crds.flatMap((object) => checker.check({ apiVersion: object.apiVersion as string, kind: object.kind as string, object }).reports);
        expect(reports.map((r) => `${r.ruleId}: ${r.message}`)).toEqual([]);
      });

      for (const file of set.valid) {
        it(`${file} is valid`, () => {
          const messages = objectsOf(file)
            .filter((o) => o.kind !== 'ConfigMap' && o.kind !== 'Secret')
            .flatMap((object) => checker.check({ apiVersion: object.apiVersion as string, kind: object.kind as string, object }).reports)
            .map((r) => `${r.ruleId}: ${r.message}`);
          expect(messages).toEqual([]);
        });
      }
    });
  }
});
