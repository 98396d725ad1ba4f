/**
 * RE2 patterns (what CEL's `matches`, `find` and `findAll` take) as JavaScript regular
 * expressions. The common subset means the same in both; patterns with RE2-only syntax
 * (`\pL`, `[[:alpha:]]`, `\z`, inline flags other than a leading one) are refused, so that a rule
 * is never judged by a pattern that would mean something else here.
 */
import { CelUnsupportedError } from './errors.js';

const RE2_ONLY = /\\[pPzACQE]|\[\[:|\(\?[a-zA-Z]+[:)]|\(\?P/;
/** Flags at the very start (after an optional `^`), which JavaScript takes as regex flags. */
const LEADING_FLAGS = /^(\^?)\(\?([ims]+)\)/;
const cache = new Map<string, RegExp>();

/** True when `pattern` has syntax this translation does not carry over. */
export function isUnsupportedPattern(pattern: string): boolean {
  return RE2_ONLY.test(pattern.replace(LEADING_FLAGS, '$1'));
}

export function toRegExp(pattern: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}\0${pattern}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (isUnsupportedPattern(pattern)) throw new CelUnsupportedError(`regular expression syntax not supported here: ${pattern}`);
  let flags = global ? 'g' : '';
  let source = pattern;
  const leading = LEADING_FLAGS.exec(pattern);
  if (leading) {
    flags += [...new Set(leading[2])].join('');
    source = leading[1] + pattern.slice(leading[0].length);
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
