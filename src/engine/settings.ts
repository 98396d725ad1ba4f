/** Which rules run, at which severity and with which options, after the preset and the configuration. */
import { allRuleMetas, resourceRules } from '../rules/index.js';
import type { FileLintSettings, RuleSetting } from './lint-file.js';
import { DEFAULT_KUBERNETES_VERSION, type LintOptions, type PresetName } from './options.js';
import { podSecuritySettings } from './pod-security.js';
import { scanCache } from './scan-cache.js';

/** Every id a finding can carry: the checks of all stages plus the suppression stage's own. */
export function knownRuleIds(): Set<string> {
  return new Set(allRuleMetas().map((m) => m.id));
}

/** The presets a run asked for, as a list (`security` alone builds on `recommended`). */
export function presetNames(preset: LintOptions['preset']): PresetName[] {
  if (preset === undefined) return ['recommended'];
  return Array.isArray(preset) ? preset : [preset];
}

/** Effective severity and options of every rule id, after preset and config. */
export function resolveRuleSettings(options: LintOptions): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  const presets = new Set<string>(presetNames(options.preset));
  for (const meta of allRuleMetas()) {
    const enabled = presets.has('all') || meta.recommended || (meta.presets ?? []).some((p) => presets.has(p));
    if (enabled) settings.set(meta.id, { severity: meta.severity, options: { ...(meta.defaultOptions ?? {}) } });
  }
  for (const [id, value] of Object.entries(options.rules ?? {})) {
    const meta = allRuleMetas().find((m) => m.id === id);
    if (!meta) continue;
    const severity = typeof value === 'string' ? value : value.severity;
    if (severity === 'off') {
      settings.delete(id);
      continue;
    }
    const current = settings.get(id) ?? { severity: meta.severity, options: { ...(meta.defaultOptions ?? {}) } };
    settings.set(id, {
      severity: severity ?? current.severity,
      options: typeof value === 'object' && value.options ? { ...current.options, ...value.options } : current.options,
    });
  }
  return settings;
}

export function fileSettings(options: LintOptions, settings: Map<string, RuleSetting>): FileLintSettings {
  const podSecurity = podSecuritySettings(options);
  const scans = scanCache();
  return {
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    defaultNamespace: options.namespace ?? 'default',
    rules: resourceRules.filter((r) => settings.has(r.id)).map((rule) => ({ rule, setting: settings.get(rule.id)! })),
    ...(options.schemaStage ? { schema: options.schemaStage } : {}),
    ...(podSecurity ? { podSecurity } : {}),
    ...(scans ? { scanCache: scans } : {}),
  };
}
