import { versionAtLeast } from '../k8s/api-version.js';
import { asObject } from '../k8s/values.js';
import type { Path } from '../types.js';
import { defineRule, type RuleReport } from './define-rule.js';

type Ids = 'recreateRollingUpdate' | 'badPercent' | 'negative' | 'over100' | 'bothZero' | 'bothSet';

/** One of maxUnavailable / maxSurge: as written, or the default apps/v1 fills in. */
interface Bound {
  field: 'maxUnavailable' | 'maxSurge';
  value: number | string;
  written: boolean;
  path: Path;
}

const PERCENT = /^[0-9]+%$/;

/** The number the API server compares (getIntOrPercentValue): a percentage's number, an int, or a string's digits (else 0). */
function amount(value: number | string): number {
  if (typeof value === 'number') return value;
  if (PERCENT.test(value)) return Number(value.slice(0, -1));
  return /^[+-]?\d+$/.test(value) ? Number(value) : 0;
}

function bound(rollingUpdate: Record<string, unknown>, path: Path, field: Bound['field'], fallback: number | string): Bound | null {
  const v = rollingUpdate[field];
  if (v === undefined || v === null) return { field, value: fallback, written: false, path: [...path, field] };
  // Anything but an integer or a string fails decoding; the schema check reports it.
  if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v))) return { field, value: v, written: true, path: [...path, field] };
  return null;
}

/** ValidatePositiveIntOrPercent, and IsNotMoreThan100Percent where the kind applies it. */
function* syntax(b: Bound, capped: boolean): Generator<RuleReport<Ids>> {
  if (!b.written) return;
  const data = { field: b.field, value: String(b.value) };
  if (typeof b.value === 'string' && !PERCENT.test(b.value)) {
    yield { path: b.path, on: 'value', messageId: 'badPercent', data, ...(/^\d+$/.test(b.value) ? { hint: `write ${b.value} without quotes for a number of pods` } : {}) };
  } else if (typeof b.value === 'number' && b.value < 0) yield { path: b.path, on: 'value', messageId: 'negative', data };
  else if (capped && typeof b.value === 'string' && amount(b.value) > 100) yield { path: b.path, on: 'value', messageId: 'over100', data };
}

export default defineRule<Ids>({
  id: 'rolling-update',
  description: 'Require Deployment and DaemonSet update strategies the API server accepts (maxUnavailable and maxSurge not both 0, valid percentages)',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: ['DaemonSet', 'Deployment'],
  messages: {
    recreateRollingUpdate: 'rollingUpdate may not be set when the strategy type is Recreate',
    badPercent: '{{field}} "{{value}}" is not a valid percentage such as "25%"',
    negative: '{{field}} {{value}} must not be negative',
    over100: '{{field}} {{value}} must not be greater than 100%',
    bothZero: 'maxUnavailable and maxSurge are both 0, so a rolling update could never replace a pod',
    bothSet: 'maxSurge {{surge}} needs maxUnavailable 0 (it is {{unavailable}}{{defaulted}}): a DaemonSet update either surges or takes pods down, not both',
  },
  *check(resource, ctx) {
    // The defaults below are those of apps/v1; older groups are the deprecated-api rule's to report.
    if (resource.apiVersion !== 'apps/v1') return;
    const deployment = resource.kind === 'Deployment';
    const field = deployment ? 'strategy' : 'updateStrategy';
    const strategy = asObject(asObject(asObject(resource.object)?.spec)?.[field]);
    if (!strategy) return;
    const path: Path = ['spec', field];
    // An empty or missing type is defaulted to RollingUpdate.
    const type = strategy.type === undefined || strategy.type === null || strategy.type === '' ? 'RollingUpdate' : strategy.type;
    const other = deployment ? 'Recreate' : 'OnDelete';
    if (typeof type !== 'string') return;
    // Any other type is outside the field's value set: the schema stage reports it, with a did-you-mean.
    if (type !== 'RollingUpdate' && type !== other) return;
    const rollingUpdate = strategy.rollingUpdate;
    if (type === 'Recreate' && rollingUpdate !== undefined && rollingUpdate !== null) {
      yield { path: [...path, 'rollingUpdate'], on: 'key', messageId: 'recreateRollingUpdate', hint: 'remove rollingUpdate, or use type RollingUpdate' };
      return;
    }
    if (type !== 'RollingUpdate') return;
    const ru = asObject(rollingUpdate) ?? {};
    const ruPath = [...path, 'rollingUpdate'];
    // Deployments default both to 25%; DaemonSets to maxUnavailable 1, maxSurge 0 (maxSurge arrived in 1.22).
    const surgeKnown = deployment || versionAtLeast(ctx.kubernetesVersion, '1.22');
    const unavailable = bound(ru, ruPath, 'maxUnavailable', deployment ? '25%' : 1);
    const surge = surgeKnown ? bound(ru, ruPath, 'maxSurge', deployment ? '25%' : 0) : { field: 'maxSurge' as const, value: 0, written: false, path: ruPath };
    if (!unavailable || !surge) return;
    yield* syntax(unavailable, true);
    yield* syntax(surge, !deployment);
    const hasUnavailable = amount(unavailable.value) !== 0;
    const hasSurge = amount(surge.value) !== 0;
    if (!hasUnavailable && !hasSurge) {
      yield { path: unavailable.path, on: 'value', messageId: 'bothZero', hint: 'let at least one of them be above 0' };
    } else if (!deployment && hasUnavailable && hasSurge) {
      yield {
        path: surge.path,
        on: 'value',
        messageId: 'bothSet',
        data: { surge: String(surge.value), unavailable: String(unavailable.value), defaulted: unavailable.written ? '' : ', its default' },
        hint: 'set maxUnavailable: 0 next to maxSurge',
      };
    }
  },
});
