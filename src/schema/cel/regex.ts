/**
 * RE2 patterns (what CEL's `matches`, `find` and `findAll` take) as JavaScript regular
 * expressions. The common subset means the same in both; patterns with RE2-only syntax
 * (`\pL`, `[[:alpha:]]`, `\z`, inline flags other than a leading one) are refused, so that a rule
 * is never judged by a pattern that would mean something else here.
 */
import { CelUnsupportedError } from './errors.js';

const RE2_ONLY = /\\[pPzACQE]|\[\[:|\(\?[a-zA-Z]*[:)]|\(\?P/;
const cache = new Map<string, RegExp>();

/** True when `pattern` has syntax this translation does not carry over. */
export function isUnsupportedPattern(pattern: string): boolean {
  return RE2_ONLY.test(pattern.replace(/^\(\?[ims]+\)/, ''));
}

export function toRegExp(pattern: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}\0${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (isUnsupportedPattern(pattern)) throw new CelUnsupportedError(`regular expression syntax not supported here: ${pattern}`);
  let flags = global ? 'g' : '';
  let source = pattern;
  const leading = /^\(\?([ims]+)\)/.exec(pattern);
  if (leading) {
    flags += [...new Set(leading[1])].join('');
    source = pattern.slice(leading[0].length);
  }
  let re: RegExp;
  try {
    re = new RegExp(source, `${flags}u`);
  } catch {
    try {
      re = new RegExp(source, flags);
    } catch {
      throw new CelUnsupportedError(`regular expression not supported here: ${pattern}`);
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(key, re);
  return re;
}
