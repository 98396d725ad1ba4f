/**
 * URLs for the `url()` and `isURL()` functions of the Kubernetes CEL library (apiserver
 * pkg/cel/library/urls.go), which parse with Go's url.ParseRequestURI: an absolute URI
 * (`https://example.com:8443/path?q=1`) or an absolute path (`/path`). Parts are kept as written,
 * not normalised.
 */

export interface ParsedURL {
  scheme: string;
  /** Host with the port, IPv6 addresses in brackets, as written. */
  host: string;
  hostname: string;
  port: string;
  escapedPath: string;
  rawQuery: string;
}

const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):(\/\/[^/?]*)?([^?]*)(?:\?(.*))?$/s;
const PATH_ONLY = /^(\/[^?]*)(?:\?(.*))?$/s;

function splitHost(authority: string): { host: string; hostname: string; port: string } | undefined {
  const at = authority.lastIndexOf('@');
  const host = at >= 0 ? authority.slice(at + 1) : authority;
  let hostname = host;
  let port = '';
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    if (close < 0) return undefined;
    hostname = host.slice(1, close);
    const rest = host.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return undefined;
    port = rest.slice(1);
  } else {
    const colon = host.lastIndexOf(':');
    if (colon >= 0) [hostname, port] = [host.slice(0, colon), host.slice(colon + 1)];
  }
  if (!/^\d*$/.test(port)) return undefined;
  return { host, hostname, port };
}

/** Parses like url.ParseRequestURI; undefined where it returns an error. */
export function parseURL(text: string): ParsedURL | undefined {
  // Go rejects ASCII control characters and spaces anywhere in a request URI.
  if (/[\x00-\x20\x7f]/.test(text)) return undefined;
  const path = PATH_ONLY.exec(text);
  if (path) return { scheme: '', host: '', hostname: '', port: '', escapedPath: path[1]!, rawQuery: path[2] ?? '' };
  const match = ABSOLUTE.exec(text);
  if (!match) return undefined;
  const [, scheme = '', authority, rest = '', query = ''] = match;
  if (authority === undefined) {
    // An opaque URI (`mailto:x`) has no path of its own for a request; Go accepts it with an empty path.
    return { scheme, host: '', hostname: '', port: '', escapedPath: rest.startsWith('/') ? rest : '', rawQuery: query };
  }
  const host = splitHost(authority.slice(2));
  if (!host) return undefined;
  return { scheme, ...host, escapedPath: rest, rawQuery: query };
}

/** `a=1&a=2&b` → {a: ['1', '2'], b: ['']} (url.ParseQuery; pairs that do not decode are left out). */
export function queryMap(rawQuery: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (rawQuery === '') return out;
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    try {
      const key = decodeURIComponent((eq < 0 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      const value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
      (out[key] ??= []).push(value);
    } catch {
      continue;
    }
  }
  return out;
}
