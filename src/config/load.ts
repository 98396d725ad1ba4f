import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { createIgnoreMatcher } from './glob.js';
import { validateConfig, type K8sLintConfig } from './validate.js';
import { decodeText } from '../input/decode.js';
import { UsageError } from '../input/usage-error.js';
import type { LintOptions, RuleConfigValue } from '../engine/options.js';
import { knownRuleIds, resolveRuleSettings } from '../engine/settings.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { allRuleMetas } from '../rules/index.js';
import { suppressionRuleMetas, UNUSED_DIRECTIVE_ID } from '../suppress/index.js';
import type { Severity } from '../types.js';

export type { K8sLintConfig } from './validate.js';

export const CONFIG_FILE_NAMES = ['.k8s-lint.yaml', '.k8s-lint.yml'] as const;

/** A bad config file: exit code 2, one sentence naming the file and the line. */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
}

export interface LoadedConfig {
  /** Path of the config file as found or given. */
  file: string;
  /** Absolute directory of the config file: relative `crds` and `ignore` entries start there. */
  dir: string;
  config: K8sLintConfig;
}

/**
 * The nearest `.k8s-lint.yaml` (or `.yml`) in `from` or a directory above it. One config per run,
 * found from the working directory (as kubectl and yamllint do), not per linted file.
 */
export function findConfigFile(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads and validates a config file; every problem is a ConfigError with `file:line:col`. */
export function loadConfigFile(file: string): LoadedConfig {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${file}: cannot read the configuration (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? 'unknown error'})`);
  }
  const decoded = decodeText(bytes);
  if ('reason' in decoded) throw new ConfigError(`${file}: cannot read the configuration (${decoded.reason})`);
  const parsed = parseYaml(file, decoded.text);
  const broken = parsed.findings.find((f) => f.severity === 'error');
  if (broken) throw new ConfigError(`${file}:${broken.line}:${broken.column}: ${broken.message}`);
  const documents = parsed.documents.filter((d) => !d.empty);
  if (documents.length > 1) throw new ConfigError(`${file}:1:1: the configuration must be a single YAML document`);
  const doc = documents[0];
  if (!doc) return { file, dir: dirname(resolve(file)), config: {} };
  const result = validateConfig({ value: doc.value ?? null, locator: doc.locator, text: decoded.text, rules: allRuleMetas() });
  if ('problem' in result) throw new ConfigError(`${file}:${result.problem.line}:${result.problem.column}: ${result.problem.message}`);
  return { file, dir: dirname(resolve(file)), config: result.config };
}

/** `--config <file>`, else the nearest config file, else none (`--no-config` passes false). */
export function resolveConfig(explicit: string | false | undefined, cwd: string): LoadedConfig | undefined {
  if (explicit === false) return undefined;
  if (explicit !== undefined) return loadConfigFile(explicit);
  const found = findConfigFile(cwd);
  return found ? loadConfigFile(relative(cwd, found) || found) : undefined;
}

/** A path relative to `base` with `/` separators, or undefined when it lies outside. */
function inside(base: string, path: string): string | undefined {
  const rel = relative(base, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join(posix.sep);
}

/** The ignore predicate of a config: patterns match paths relative to the config's directory. */
export function ignorePredicate(loaded: LoadedConfig, cwd: string): ((path: string) => boolean) | undefined {
  const patterns = loaded.config.ignore ?? [];
  if (patterns.length === 0) return undefined;
  const matches = createIgnoreMatcher(patterns);
  return (path) => {
    const rel = inside(loaded.dir, resolve(cwd, path));
    return rel !== undefined && matches(rel);
  };
}

/** The configuration's Pod Security level for a path: the last `podSecurity` glob that matches it. */
export function podSecurityPredicate(loaded: LoadedConfig, cwd: string): ((path: string) => string | undefined) | undefined {
  const entries = loaded.config.podSecurity ?? [];
  if (entries.length === 0) return undefined;
  const matchers = entries.map((e) => ({ level: e.level, matches: createIgnoreMatcher([e.glob]) }));
  return (path) => {
    const rel = inside(loaded.dir, resolve(cwd, path));
    if (rel === undefined) return undefined;
    let level: string | undefined;
    for (const m of matchers) if (m.matches(rel)) level = m.level;
    return level;
  };
}

/** Lint options from a config; the CLI lays its explicit flags over them. */
export function configLintOptions(loaded: LoadedConfig | undefined, cwd: string): LintOptions {
  if (!loaded) return {};
  const c = loaded.config;
  const rules: Record<string, RuleConfigValue> = { ...(c.rules ?? {}) };
  const unused = rules[UNUSED_DIRECTIVE_ID];
  delete rules[UNUSED_DIRECTIVE_ID];
  const unusedSeverity = typeof unused === 'string' ? unused : unused?.severity;
  const isIgnored = ignorePredicate(loaded, cwd);
  const podSecurityOf = podSecurityPredicate(loaded, cwd);
  return {
    ...(podSecurityOf ? { podSecurityOf } : {}),
    ...(c.extends ? { preset: c.extends } : {}),
    ...(c.kubernetesVersion ? { kubernetesVersion: c.kubernetesVersion } : {}),
    ...(c.strict !== undefined ? { strict: c.strict } : {}),
    ...(c.crdCatalog !== undefined ? { crdCatalog: c.crdCatalog } : {}),
    ...(c.namespace ? { namespace: c.namespace } : {}),
    ...(c.crds ? { crds: c.crds.map((p) => relative(cwd, resolve(loaded.dir, p)) || '.') } : {}),
    ...(Object.keys(rules).length > 0 ? { rules } : {}),
    ...(unusedSeverity ? { reportUnusedDisableDirectives: unusedSeverity } : {}),
    ...(isIgnored ? { isIgnored } : {}),
  };
}

/** The effective settings for one file, as `--print-config` shows them. */
export function effectiveConfig(file: string, loaded: LoadedConfig | undefined, options: LintOptions, defaults: { kubernetesVersion: string }): Record<string, unknown> {
  const settings = resolveRuleSettings(options);
  const rules: Record<string, { severity: Severity | 'off'; options?: Record<string, unknown> }> = {};
  for (const id of [...knownRuleIds()].sort()) {
    if (id === UNUSED_DIRECTIVE_ID) {
      rules[id] = { severity: options.reportUnusedDisableDirectives ?? suppressionRuleMetas[0]!.severity };
      continue;
    }
    const s = settings.get(id);
    rules[id] = s ? { severity: s.severity, ...(Object.keys(s.options).length > 0 ? { options: s.options } : {}) } : { severity: 'off' };
  }
  return {
    file,
    configFile: loaded?.file ?? null,
    ignored: options.isIgnored ? options.isIgnored(file) : false,
    extends: options.preset ?? 'recommended',
    podSecurity: options.podSecurity ?? (options.podSecurityOf ? options.podSecurityOf(file) ?? null : null),
    kubernetesVersion: options.kubernetesVersion ?? defaults.kubernetesVersion,
    strict: options.strict ?? true,
    namespace: options.namespace ?? 'default',
    crds: options.crds ?? [],
    crdCatalog: options.crdCatalog ?? true,
    ignore: loaded?.config.ignore ?? [],
    rules,
  };
}
