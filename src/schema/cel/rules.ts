/**
 * Reading `x-kubernetes-validations` entries and their `fieldPath`s. Malformed entries are
 * dropped: the API server would not have accepted the CRD, and the schema stage never crashes on
 * bad input.
 */
import type { JsonValue } from '../../types.js';
import type { PathSegment } from '../../types.js';

export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  fieldPath?: string;
  reason?: string;
  optionalOldSelf?: boolean;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function validationRules(raw: unknown): ValidationRule[] {
  if (!Array.isArray(raw)) return [];
  const out: ValidationRule[] = [];
  for (const entry of raw as JsonValue[]) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue;
    const rule = str(entry.rule);
    if (rule === undefined || rule.trim() === '') continue;
    const message = str(entry.message);
    const messageExpression = str(entry.messageExpression);
    const fieldPath = str(entry.fieldPath);
    const reason = str(entry.reason);
    out.push({
      rule,
      ...(message !== undefined && message.trim() !== '' ? { message } : {}),
      ...(messageExpression !== undefined && messageExpression.trim() !== '' ? { messageExpression } : {}),
      ...(fieldPath !== undefined && fieldPath !== '' ? { fieldPath } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(entry.optionalOldSelf === true ? { optionalOldSelf: true } : {}),
    });
  }
  return out;
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', "'": "'", '\\': '\\' };

/**
 * `.spec.ports`, `.spec['a.b']`, `['x']` → path segments relative to the rule's node, as the
 * API server's ValidFieldPath reads them (field names after `.`, single-quoted keys in `[...]`).
 * Undefined when the path does not parse (the report then stays at the rule's node).
 */
export function parseFieldPath(text: string): PathSegment[] | undefined {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '.') {
      let j = i + 1;
      while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
      if (j === i + 1) return undefined;
      out.push(text.slice(i + 1, j));
      i = j;
    } else if (text[i] === '[' && text[i + 1] === "'") {
      let j = i + 2;
      let key = '';
      while (j < text.length && text[j] !== "'") {
        if (text[j] === '\\') {
          const escaped = ESCAPES[text[j + 1] ?? ''];
          if (escaped === undefined) return undefined;
          key += escaped;
          j += 2;
        } else key += text[j++];
      }
      if (text[j] !== "'" || text[j + 1] !== ']') return undefined;
      out.push(key);
      i = j + 2;
    } else return undefined;
  }
  return out;
}
