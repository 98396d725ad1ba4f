/**
 * Plain scalars resolved as the full path's YAML 1.1 schema resolves them (see ../options.ts): the
 * same tests in the same order, with the binary, timestamp and sexagesimal forms left out as they
 * are there. `BAIL` means the fast path is not sure and the file goes to the full parser.
 */
export const BAIL: unique symbol = Symbol('bail');
export type Resolved = string | number | boolean | null | typeof BAIL;

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BIN = /^[-+]?0b[0-1_]+$/;
const INT_OCT = /^[-+]?0[0-7_]+$/;
const INT = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;

function int(str: string, skip: number, radix: number): number {
  const sign = str[0];
  const offset = sign === '-' || sign === '+' ? skip + 1 : skip;
  const n = parseInt(str.substring(offset).replace(/_/g, ''), radix);
  return sign === '-' ? -1 * n : n;
}

/** Characters that can start a YAML 1.1 number, boolean or null; anything else is a string. */
function mayBeTyped(c: number): boolean {
  // + - . 0-9 ~ N n T t F f Y y O o E e (`e5` is a float in YAML 1.1)
  return c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57) || c === 126 || c === 78 || c === 110 || c === 84 || c === 116 || c === 70 || c === 102 || c === 89 || c === 121 || c === 79 || c === 111 || c === 69 || c === 101;
}

export function resolvePlain(str: string): Resolved {
  if (str.length === 0) return null;
  if (!mayBeTyped(str.charCodeAt(0))) return str;
  if (NULL.test(str)) return null;
  if (TRUE.test(str)) return true;
  if (FALSE.test(str)) return false;
  if (INT_BIN.test(str)) return int(str, 2, 2);
  if (INT_OCT.test(str)) return int(str, 1, 8);
  if (INT.test(str)) return int(str, 0, 10);
  if (INT_HEX.test(str)) return int(str, 2, 16);
  if (FLOAT_NAN.test(str)) return str.slice(-3).toLowerCase() === 'nan' ? NaN : str[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(str) || FLOAT.test(str)) return parseFloat(str.replace(/_/g, ''));
  return str;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };

/** The body of a one-line double-quoted scalar (without its quotes), or BAIL for rare escapes. */
export function decodeDouble(body: string): string | typeof BAIL {
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return BAIL;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const len = e === 'x' ? 2 : e === 'u' ? 4 : 0;
    const hex = body.slice(i + 1, i + 1 + len);
    if (len === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) return BAIL;
    const code = parseInt(hex, 16);
    if (code >= 0xd800 && code <= 0xdfff) return BAIL;
    out += String.fromCharCode(code);
    i += len;
  }
  return out;
}
