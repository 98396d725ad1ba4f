/**
 * The string and number formats the API server checks, for ajv. Formats ajv does not know are
 * accepted (the API server ignores unknown formats in CRD schemas too).
 */
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
// int64 bounds as doubles: larger magnitudes cannot come from a YAML integer that fits int64.
const INT64_LIMIT = 2 ** 63;

/** RFC 3339 as Go's time.RFC3339 parses it (the `T` separator and a zone are required). */
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** Standard base64; line breaks are skipped by Go's decoder, so they are skipped here. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** resource.Quantity: a decimal number with an optional binary/decimal SI suffix or exponent. */
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIPv6(value: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(value) || value.length < 2) return false;
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const lastGroup = groups[groups.length - 1] ?? '';
  const hasV4 = lastGroup.includes('.');
  if (hasV4 && !IPV4.test(lastGroup)) return false;
  const hexGroups = hasV4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (hasV4 ? 2 : 0);
  return halves.length === 2 ? count < 8 : count === 8;
}

export interface FormatDefinition {
  type: 'string' | 'number';
  validate: (value: never) => boolean;
  /** How the message names what was expected. */
  expected: string;
}

export const FORMATS: Record<string, FormatDefinition> = {
  int32: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX, expected: 'a 32-bit integer' },
  int64: { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT64_LIMIT && n < INT64_LIMIT, expected: 'a 64-bit integer' },
  'date-time': { type: 'string', validate: (s: string) => DATE_TIME.test(s), expected: 'a date-time in RFC 3339 form (2006-01-02T15:04:05Z)' },
  date: { type: 'string', validate: (s: string) => DATE.test(s), expected: 'a date (2006-01-02)' },
  byte: { type: 'string', validate: (s: string) => BASE64.test(s.replace(/[\r\n]/g, '')), expected: 'base64-encoded data' },
  quantity: { type: 'string', validate: (s: string) => QUANTITY.test(s), expected: 'a quantity such as 500m, 1.5, 2Gi or 1e3' },
  uuid: { type: 'string', validate: (s: string) => UUID.test(s), expected: 'a UUID' },
  ipv4: { type: 'string', validate: (s: string) => IPV4.test(s), expected: 'an IPv4 address' },
  ipv6: { type: 'string', validate: (s: string) => isIPv6(s), expected: 'an IPv6 address' },
};
