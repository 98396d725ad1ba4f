/**
 * Name and label syntax as the API machinery validates it. Each validator returns `undefined` for a
 * valid value or a short reason in plain words, ready to follow "is invalid: ".
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Label values and the name part of qualified keys. */
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function tooLong(value: string, max: number): string | undefined {
  return value.length > max ? `must be no more than ${max} characters (it has ${value.length})` : undefined;
}

export function dns1123Label(value: string): string | undefined {
  return (
    tooLong(value, 63) ??
    (DNS1123_LABEL.test(value) ? undefined : 'must consist of lower-case letters, digits and "-", and start and end with a letter or digit')
  );
}

export function dns1035Label(value: string): string | undefined {
  return (
    tooLong(value, 63) ??
    (DNS1035_LABEL.test(value) ? undefined : 'must consist of lower-case letters, digits and "-", start with a letter, and end with a letter or digit')
  );
}

export function dns1123Subdomain(value: string): string | undefined {
  return (
    tooLong(value, 253) ??
    (DNS1123_SUBDOMAIN.test(value)
      ? undefined
      : 'must consist of lower-case letters, digits, "-" and ".", and start and end with a letter or digit')
  );
}

/** RBAC objects and a few others only forbid what cannot be a URL path segment. */
export function pathSegmentName(value: string): string | undefined {
  if (value === '.' || value === '..') return `may not be "${value}"`;
  if (value.includes('/')) return 'may not contain "/"';
  if (value.includes('%')) return 'may not contain "%"';
  return undefined;
}

/** A label key or annotation key: an optional DNS-subdomain prefix and `/`, then a name of ≤63 characters. */
export function qualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return 'may contain at most one "/" (between an optional prefix and the name)';
  const name = parts.length === 2 ? parts[1]! : parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    if (prefix === '') return 'has an empty prefix before "/"';
    const bad = dns1123Subdomain(prefix);
    if (bad) return `has a prefix "${prefix}" that ${bad}`;
  }
  if (name === '') return 'has an empty name';
  if (name.length > 63) return `has a name part of ${name.length} characters; at most 63 are allowed`;
  if (!QUALIFIED_NAME_PART.test(name)) return 'must consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit';
  return undefined;
}

/** A label value: empty, or ≤63 characters of the same alphabet as a key's name part. */
export function labelValue(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `must be no more than 63 characters (it has ${value.length})`;
  return QUALIFIED_NAME_PART.test(value) ? undefined : 'must consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit';
}

/** A port name (IANA_SVC_NAME): ≤15 lower-case letters, digits and "-", at least one letter, no "--". */
export function portName(value: string): string | undefined {
  if (value.length > 15) return `must be no more than 15 characters (it has ${value.length})`;
  if (!/^[-a-z0-9]+$/.test(value)) return 'must consist of lower-case letters, digits and "-"';
  if (!/[a-z]/.test(value)) return 'must contain at least one letter';
  if (value.startsWith('-') || value.endsWith('-')) return 'may not start or end with "-"';
  if (value.includes('--')) return 'may not contain "--"';
  return undefined;
}

export type NameSyntax = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label' | 'pathSegment';

export const NAME_VALIDATORS: Record<NameSyntax, (value: string) => string | undefined> = {
  dns1123Subdomain,
  dns1123Label,
  dns1035Label,
  pathSegment: pathSegmentName,
};

/**
 * A `generateName` is validated as a name with its trailing "-" masked off (the server appends a
 * random suffix), so `web-` is a fine prefix for a DNS name.
 */
export function generateNamePrefix(value: string): string {
  // Same masking as the API machinery: the last two characters become one letter.
  return value.length > 1 && value.endsWith('-') ? `${value.slice(0, -2)}a` : value;
}
