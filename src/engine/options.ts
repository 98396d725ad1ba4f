/** What a lint run can be asked to do: the options of `lint()` and of every stage below it. */
import type { JsonValue, Severity } from '../types.js';
import type { SchemaStage } from './lint-file.js';

export const DEFAULT_KUBERNETES_VERSION = '1.36';

export type RuleConfigValue = 'off' | Severity | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface LintOptions {
  /** Kubernetes minor version to check against (`1.36`). */
  kubernetesVersion?: string;
  /** Unknown fields are errors (default) or warnings. */
  strict?: boolean;
  /** Namespace of objects without one (default `default`). */
  namespace?: string;
  /** `recommended` (default) or `all` rules. */
  preset?: 'recommended' | 'all';
  /** Per-rule severity and options by rule id. */
  rules?: Record<string, RuleConfigValue>;
  /** Turn off the schema stage entirely. */
  schema?: boolean;
  /** Builds the schema stage; injected so the core does not load schemas it does not need. */
  schemaStage?: SchemaStage;
  markdown?: boolean;
  commands?: boolean;
  readStdin?: () => string | Uint8Array;
  /** CustomResourceDefinition files or directories whose schemas the schema stage adds. */
  crds?: string[];
  /** CustomResourceDefinition objects (those found among the inputs), added to the schema stage. */
  crdObjects?: JsonValue[];
  /** OpenAPI documents of the user's own cluster (`kubectl get --raw /openapi/v2`), files or directories. */
  schemaFiles?: string[];
  /** Check custom resources no CRD or document defines against the bundled CRD catalog (default true). */
  crdCatalog?: boolean;
  /** Objects of kinds with no schema are errors (`missing-schema`) instead of a notice. */
  requireSchemas?: boolean;
  /** Severity of `unused-disable-directive` reports (default `warning`); `off` drops them. */
  reportUnusedDisableDirectives?: Severity | 'off';
  /** Files to skip (the config's `ignore` globs), given each path as expanded from the inputs. */
  isIgnored?: (path: string) => boolean;
  /** Called after each file is linted in this thread, for a progress line on long runs. */
  onProgress?: (done: number, total: number) => void;
}
