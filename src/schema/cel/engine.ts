/**
 * The CEL engine: the one place that compiles and runs expressions with the CEL package. Rules
 * are compiled once per checker and cached by their text.
 *
 * Choice of package: @marcbachmann/cel-js (no dependencies, optional syntax `.?`/`[?]`,
 * receiver functions and custom types, 64-bit int/uint/double semantics with overflow errors).
 * The reasons, measured against @bufbuild/cel, are in docs/rules/cel-validation.md.
 */
import { Environment, EvaluationError, Optional, type ASTNode } from '@marcbachmann/cel-js';
import { CelRuntimeError, CelUnsupportedError } from './errors.js';
import { registerTextLibrary } from './library-text.js';
import { registerTypeLibrary } from './library-types.js';
import { isUnsupportedPattern, toRegExp } from './regex.js';
import { rewriteHasOnIndex } from './rewrite.js';

const RE2_MATCHES = 'matchesRE2';

/** Why a rule is not evaluated. */
export type SkipReason = 'transition' | 'unsupported';

export type Program = (variables: { self: unknown; oldSelf?: unknown }) => unknown;

export type Compiled = { ok: true; run: Program; usesOldSelf: boolean } | { ok: false; reason: SkipReason; detail: string };

/** The outcome of one evaluation. */
export type Outcome =
  | { kind: 'value'; value: unknown }
  /** An error the API server also raises: reported as `<error> evaluating rule: <rule>`. */
  | { kind: 'error'; message: string }
  /** Something this evaluator cannot judge (an overload it lacks): counted, not reported. */
  | { kind: 'unsupported'; detail: string };

function newEnvironment(): Environment {
  const env = new Environment({ enableOptionalTypes: true, homogeneousAggregateLiterals: false, unlistedVariablesAreDyn: false });
  env.registerVariable('self', 'dyn');
  // Declared so that transition rules parse; they are recognised and skipped before they run.
  env.registerVariable('oldSelf', 'dyn');
  registerTextLibrary(env);
  registerTypeLibrary(env);
  // `matches` of the package takes JavaScript syntax; calls are renamed to this RE2-aware one.
  env.registerFunction(`string.${RE2_MATCHES}(string): bool`, (s: string, re: string) => toRegExp(re).test(s));
  env.registerFunction(`${RE2_MATCHES}(string, string): bool`, (s: string, re: string) => toRegExp(re).test(s));
  return env;
}

type Visit = (node: { op: string; args: unknown }) => void;

function walk(node: unknown, visit: Visit): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node !== 'object' || node === null || !('op' in node)) return;
  const n = node as { op: string; args: unknown };
  visit(n);
  walk(n.args, visit);
}

/**
 * Reads `oldSelf` (a transition rule), and regex literals with syntax this engine cannot judge.
 * Renames `matches` calls, in place, to the RE2-aware function.
 */
function inspect(ast: ASTNode): { usesOldSelf: boolean; badPattern?: string } {
  let usesOldSelf = false;
  let badPattern: string | undefined;
  walk(ast, (node) => {
    if (node.op === 'id' && node.args === 'oldSelf') usesOldSelf = true;
    if ((node.op === 'rcall' || node.op === 'call') && Array.isArray(node.args)) {
      const [name, ...rest] = node.args as [string, ...unknown[]];
      if (name !== 'matches' && name !== 'find' && name !== 'findAll') return;
      if (name === 'matches') (node.args as unknown[])[0] = RE2_MATCHES;
      walk(rest, (arg) => {
        if (arg.op === 'value' && typeof arg.args === 'string' && isUnsupportedPattern(arg.args)) badPattern = arg.args;
      });
    }
  });
  return badPattern === undefined ? { usesOldSelf } : { usesOldSelf, badPattern };
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim();
}

/** cel-go's words for the errors the package raises under its own codes. */
function apiServerWording(error: EvaluationError): string | undefined {
  const text = firstLine(error);
  switch (error.code) {
    case 'no_such_key': {
      const key = /No such key: (.*)$/.exec(text)?.[1];
      return key !== undefined && !key.startsWith('index out of bounds') ? `no such key: ${key}` : undefined;
    }
    case 'index_out_of_bounds': {
      // The package omits the size of an empty list ("size undefined") and of a negative index.
      const found = /index (-?\d+)(?: >= size (\d+|undefined))?/.exec(text);
      if (!found) return undefined;
      const size = found[2] === undefined ? '' : ` in list size '${found[2] === 'undefined' ? 0 : found[2]}'`;
      return `index '${found[1]}' out of range${size}`;
    }
    case 'division_by_zero':
      return 'division by zero';
    case 'modulo_by_zero':
      return 'modulus by zero';
    default:
      return /overflow/i.test(text) ? 'integer overflow' : undefined;
  }
}

export class CelEngine {
  private readonly env = newEnvironment();
  private readonly cache = new Map<string, Compiled>();

  compile(expression: string): Compiled {
    let compiled = this.cache.get(expression);
    if (compiled) return compiled;
    compiled = this.compileUncached(expression);
    this.cache.set(expression, compiled);
    return compiled;
  }

  private compileUncached(expression: string): Compiled {
    let parsed: ReturnType<Environment['parse']>;
    try {
      parsed = this.env.parse(expression.includes('has(') ? rewriteHasOnIndex(expression) : expression);
    } catch (error) {
      return { ok: false, reason: 'unsupported', detail: firstLine(error) };
    }
    const { usesOldSelf, badPattern } = inspect(parsed.ast);
    if (badPattern !== undefined) return { ok: false, reason: 'unsupported', detail: `regular expression ${badPattern}` };
    const checked = parsed.check();
    if (!checked.valid) return { ok: false, reason: 'unsupported', detail: firstLine(checked.error) };
    return { ok: true, run: (variables) => parsed(variables), usesOldSelf };
  }

  /**
   * Runs a compiled program and sorts any error into reportable or not. `optionalOldSelf` rules
   * run on a new object with `oldSelf` bound to an empty optional, as the API server runs them
   * on create.
   */
  static evaluate(run: Program, self: unknown, optionalOldSelf = false): Outcome {
    try {
      return { kind: 'value', value: run(optionalOldSelf ? { self, oldSelf: Optional.none() } : { self }) };
    } catch (error) {
      if (error instanceof CelRuntimeError) return { kind: 'error', message: error.message };
      if (error instanceof CelUnsupportedError) return { kind: 'unsupported', detail: error.message };
      if (error instanceof EvaluationError) {
        const message = apiServerWording(error);
        if (message !== undefined) return { kind: 'error', message };
      }
      return { kind: 'unsupported', detail: firstLine(error) };
    }
  }
}
