/** What a lint run can be asked to do: the options of `lint()` and of every stage below it. */
import type { NamespacePolicy } from '../k8s/pod-security/policy.js';
import type { JsonValue, Severity } from '../types.js';
import { BUNDLED_MINORS } from '../k8s/served-apis.js';
import type { SchemaStage } from './lint-file.js';

/** The Kubernetes minors with bundled schemas, oldest first (generated from the catalogs; no loading). */
export const BUNDLED_KUBERNETES_VERSIONS: readonly string[] = BUNDLED_MINORS;

/** The newest bundled minor: what is checked when no version is asked for. */
export const DEFAULT_KUBERNETES_VERSION: string = BUNDLED_MINORS[BUNDLED_MINORS.length - 1] ?? '';

/** Rule sets: `recommended` (the default), `all`, and `security`, an add-on to either. */
export type PresetName = 'recommended' | 'all' | 'security';

export type RuleConfigValue = 'off' | Severity | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface LintOptions {
  /** Kubernetes minor version to check against (`1.36`). */
  kubernetesVersion?: string;
  /** Unknown fields are errors (default) or warnings. */
  strict?: boolean;
  /** Namespace of objects without one (default `default`). */
  namespace?: string;
  /** `recommended` (default) or `all` rules, plus add-on presets such as `security`. */
  preset?: PresetName | PresetName[];
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
  /**
   * Check every Pod and pod template at this Pod Security Standards level (`restricted`,
   * `baseline:v1.30`), as if their namespace enforced it.
   */
  podSecurity?: string;
  /** The level for one file (the configuration's `podSecurity` globs); resolved to `podSecurityFiles` before linting. */
  podSecurityOf?: (path: string) => string | undefined;
  /** Levels by linted file path, as `level[:version]`. */
  podSecurityFiles?: Record<string, string>;
  /** Pod Security labels of the Namespaces among the inputs (found before linting when absent). */
  podSecurityNamespaces?: Record<string, NamespacePolicy>;
  /** Called after each file is linted in this thread, for a progress line on long runs. */
  onProgress?: (done: number, total: number) => void;
}
