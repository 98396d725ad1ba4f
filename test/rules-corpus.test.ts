import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { resourceRules } from '../src/rules/index.js';

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;

/**
 * Every error-level finding the resource rules may give on the development corpus, each one checked
 * by hand against what the API server does: these objects are rejected (or no longer served) as written.
 */
const REJECTED: Record<string, string> = {
  'kubeconform-fixtures/crd_schema.yaml deprecated-api': 'apiextensions.k8s.io/v1beta1, not served since 1.22',
  'kubeconform-fixtures/registry/sagemaker.aws.amazon.com_trainingjobs.yaml deprecated-api': 'apiextensions.k8s.io/v1beta1',
  'kubeconform-fixtures/same-kind-different-api.yaml deprecated-api': 'apps/v1beta1, not served since 1.16',
  'kubeconform-fixtures/duplicate_property.yaml workload-selector': 'template has no labels; selector k8s-app=nginx-ds',
  'kubeconform-fixtures/extra_property.yaml workload-selector': 'template has no labels; selector k8s-app=nginx-ds',
  'kubernetes-examples/_archived/cloud-controller-manager/persistent-volume-label-initializer-config.yaml deprecated-api': 'InitializerConfiguration, gone since 1.14',
  'kubernetes-examples/_archived/cockroachdb/cockroachdb-statefulset.yaml deprecated-api': 'policy/v1beta1 PodDisruptionBudget',
  'kubernetes-examples/_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml deprecated-api': 'extensions/v1beta1 DaemonSet',
  'kubernetes-examples/_archived/podsecuritypolicy/rbac/policies.yaml deprecated-api': 'policy/v1beta1 PodSecurityPolicy',
  'kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/account-specified-hdd/storageclass-account-hdd.yaml deprecated-api': 'storage.k8s.io/v1beta1',
  'kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/dedicated-hdd/storageclass-dedicated-hdd.yaml deprecated-api': 'storage.k8s.io/v1beta1',
  'kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-hdd/storageclass-shared-hdd.yaml deprecated-api': 'storage.k8s.io/v1beta1',
  'kubernetes-examples/_archived/volumes/azure_disk/claim/blob-based-disk/shared-ssd/storageclass-shared-ssd.yaml deprecated-api': 'storage.k8s.io/v1beta1',
  'kubernetes-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-hdd/storageclass-managed-hdd.yaml deprecated-api': 'storage.k8s.io/v1beta1',
  'kubernetes-examples/_archived/volumes/azure_disk/claim/managed-disk/managed-ssd/storageclass-managed-ssd.yaml deprecated-api': 'storage.k8s.io/v1beta1',
  'kubernetes-examples/_archived/volumes/flexvolume/deploy/ds.yaml deprecated-api': 'extensions/v1beta1 DaemonSet',
};

/**
 * Not linted as objects: reported once as `unrendered-template` by the parse layer instead
 * (`{{uid}}` in the name, `{{placeholders}}` in label values).
 */
const TEMPLATES = ['kubernetes-examples/_archived/storage/vitess/vttablet-pod-template.yaml'];

describe.skipIf(!existsSync(CORPUS))('resource rules on the development corpus', () => {
  it('give errors only where the API server rejects the object', async () => {
    const ids = new Set(resourceRules.map((r) => r.id));
    ids.delete('required-fields'); // documents without apiVersion/kind are part of the corpus on purpose
    const result = await lint([CORPUS], { preset: 'all' });
    const errors = new Set(
      result.findings.filter((f) => f.severity === 'error' && ids.has(f.ruleId)).map((f) => `${f.file.slice(f.file.indexOf('corpus/') + 7)} ${f.ruleId}`),
    );
    expect([...errors].sort()).toEqual(Object.keys(REJECTED).sort());
    expect(result.findings.filter((f) => f.ruleId === 'internal-error')).toEqual([]);
    const templates = result.findings.filter((f) => f.ruleId === 'unrendered-template').map((f) => f.file.slice(f.file.indexOf('corpus/') + 7));
    expect(templates).toEqual(TEMPLATES);
  });
});
