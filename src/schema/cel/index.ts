/**
 * The CEL stage of schema validation, loaded (with the CEL package) only when some schema has
 * `x-kubernetes-validations`. It evaluates the rules of the definitions it is given and keeps the
 * count of rules it cannot evaluate for the run's summary.
 */
import type { JsonValue } from '../../types.js';
import type { SchemaNode } from '../catalog-types.js';
import { CelEngine } from './engine.js';
import { crdVersionSource } from '../lazy-definitions.js';
import { RawRules } from './raw-rules.js';
import { CelValidator, type CelProblem } from './validator.js';
import type { Resolve } from './values.js';

export interface CelStage {
  /** Evaluates the rules of `definition` (a root schema) on `object`, which should already have its defaults. */
  check(definition: string, object: JsonValue): { problems: CelProblem[]; notices: string[] };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `definitions`: the schemas that may carry rules (those of CRDs and user OpenAPI documents),
 * by name. `resolve` follows `$ref`s in the merged catalog.
 */
export function createCelStage(definitions: Readonly<Record<string, SchemaNode>>, resolve: Resolve): CelStage {
  const engine = new CelEngine();
  const validator = new CelValidator(engine, resolve);
  let census: { summary: string; withSkips: Set<string> } | undefined;
  return {
    check(definition, object) {
      const root = definitions[definition];
      if (!root || !validator.hasRules(root)) return { problems: [], notices: [] };
      // Counted once, on the first resource with rules: a run that lints only CRDs compiles nothing.
      census ??= countSkipped(definitions, engine, validator, new RawRules(validator, resolve));
      // `object` is what the schema stage validated: for a CRD's kinds, status dropped, pruned and defaulted.
      const { problems, skipped } = validator.validate(root, object);
      const notices = census.withSkips.has(definition) ? [census.summary] : [];
      // Rules that compile but hit something unsupported on this object's values.
      for (const s of skipped) if (s.reason === 'unsupported' && engine.compile(s.rule).ok) notices.push(`CEL validation rule not evaluated on some objects (${s.detail}): ${s.rule.trim()}`);
      return { problems, notices };
    },
  };
}

/**
 * The summary line: how many rules of all the given schemas are not evaluated, and why. The
 * same text in every worker, so the summary shows it once. CRD versions are counted from the
 * CRD as written, so that counting converts none of them.
 */
function countSkipped(definitions: Readonly<Record<string, SchemaNode>>, engine: CelEngine, validator: CelValidator, raw: RawRules): { summary: string; withSkips: Set<string> } {
  let total = 0;
  let transition = 0;
  let unsupported = 0;
  const withSkips = new Set<string>();
  for (const name of Object.keys(definitions)) {
    const source = crdVersionSource(definitions, name);
    const rules = source ? raw.ofRoot(source.raw) : validator.allRules(definitions[name] as SchemaNode);
    for (const rule of rules) {
      total++;
      const compiled = engine.compile(rule.rule);
      if (compiled.ok && (!compiled.usesOldSelf || rule.optionalOldSelf === true)) continue;
      withSkips.add(name);
      if (compiled.ok || compiled.reason === 'transition') transition++;
      else unsupported++;
    }
  }
  const parts = [
    ...(transition > 0 ? [`${plural(transition, 'transition rule', 'transition rules')} (they compare with the stored object, so only an update runs them)`] : []),
    ...(unsupported > 0 ? [`${plural(unsupported, 'rule', 'rules')} with functions or syntax not supported here`] : []),
  ];
  const summary = `${transition + unsupported} of ${total} CEL validation rules (x-kubernetes-validations) of the given schemas were not evaluated: ${parts.join(' and ')}`;
  return { summary, withSkips };
}
