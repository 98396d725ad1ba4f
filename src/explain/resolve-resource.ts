/**
 * Turns what the user typed (`svc.spec.ports`, `Deployments`, `ingresses.networking.k8s.io.spec`)
 * into a resource and a field path, with the rules of kubectl's REST mapper:
 *  - short names match only as written, and only when the text is not a plural or singular name;
 *    a short name served by several groups picks the first and warns about the others;
 *  - plurals and singulars (a kind is its singular) match in any case;
 *  - among several matches the first in discovery order wins (core first, preferred versions first);
 *  - without --api-version, `plural.group` prefixes select the group.
 */
import { groupResourceKey } from './api-facts.js';
import type { Discovery } from './discovery.js';
import type { ApiResource } from './model.js';

/** A group-version-resource the mapper knows; `entry` is absent for guessed list kinds. */
export interface MappedResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  entry?: ApiResource;
}

export type Resolution =
  | { ok: true; mapped: MappedResource; fieldPath: string[]; warnings: string[] }
  | { ok: false; error: string; warnings: string[]; name: string };

interface MapperName {
  plural: string;
  singular: string;
  mapped: MappedResource;
}

const mapperNamesCache = new WeakMap<Discovery, MapperName[]>();

/**
 * kubectl's mapper also registers a guessed resource for every `<Kind>List` (and `List`) in each
 * group-version; naming one resolves, then fails later because nothing serves it.
 */
function guessedListNames(group: string, version: string, kind: string): MapperName {
  const singular = kind.toLowerCase();
  return { plural: singular + 's', singular, mapped: { group, version, resource: singular + 's', kind } };
}

/** The names kubectl's mapper knows, one group-version after another in discovery order. */
function mapperNames(discovery: Discovery): MapperName[] {
  const cached = mapperNamesCache.get(discovery);
  if (cached) return cached;
  const names: MapperName[] = [];
  for (const { name: group, versions } of discovery.groups) {
    for (const version of versions) {
      for (const r of discovery.resources) {
        if (r.group !== group || r.version !== version) continue;
        names.push({ plural: r.plural, singular: r.singular, mapped: { group, version, resource: r.plural, kind: r.kind, entry: r } });
        names.push(guessedListNames(group, version, r.kind + 'List'));
      }
      names.push(guessedListNames(group, version, 'List'));
    }
  }
  mapperNamesCache.set(discovery, names);
  return names;
}

interface Expansion {
  group?: string;
  resource: string;
  warnings: string[];
}

/** Replaces a short name by its resource; plural and singular names are never treated as short names. */
function expandShortName(discovery: Discovery, name: string): Expansion {
  if (discovery.resources.some((r) => r.plural === name || r.singular === name)) return { resource: name, warnings: [] };
  let found: { group: string; resource: string } | undefined;
  const warnings: string[] = [];
  const warned = new Set<string>();
  for (const r of discovery.resources) {
    if (!r.shortNames.includes(name)) continue;
    if (!found) {
      found = { group: r.group, resource: r.plural };
      continue;
    }
    if (r.group === found.group && r.plural === found.resource) continue; // another version of the same resource
    const other = groupResourceKey(r.group, r.plural);
    if (warned.has(other)) continue;
    warned.add(other);
    warnings.push(`short name "${name}" could also match lower priority resource ${other}`);
  }
  return found ? { ...found, warnings } : { resource: name, warnings };
}

/** Every resource the name can mean, most preferred first. */
export function resourcesFor(
  discovery: Discovery,
  name: string,
): { ok: true; matches: MappedResource[]; warnings: string[] } | { ok: false; error: string; warnings: string[] } {
  const expansion = expandShortName(discovery, name);
  if (expansion.resource === '') {
    // kubectl's mapper refuses an empty name outright (`kubectl explain .`).
    return { ok: false, error: 'error: a resource must be present, got: /, Resource=', warnings: expansion.warnings };
  }
  const wanted = expansion.resource.toLowerCase();
  const matches: MappedResource[] = [];
  const seen = new Set<string>();
  for (const candidate of mapperNames(discovery)) {
    const { mapped } = candidate;
    if (expansion.group !== undefined && mapped.group !== expansion.group) continue;
    if (candidate.plural !== wanted && candidate.singular !== wanted) continue;
    const key = `${mapped.group}/${mapped.version}/${mapped.resource}`;
    if (seen.has(key)) continue;
    seen.add(key);
    matches.push(mapped);
  }
  if (matches.length === 0) {
    return { ok: false, error: `the server doesn't have a resource type "${expansion.resource}"`, warnings: expansion.warnings };
  }
  return { ok: true, matches, warnings: expansion.warnings };
}

/** kubectl drops one trailing dot, then splits on dots. */
function splitDotNotation(text: string): [string, string[]] {
  const [resource = '', ...fields] = (text.endsWith('.') ? text.slice(0, -1) : text).split('.');
  return [resource, fields];
}

/** Used with --api-version: the first segment is the resource, the rest is the field path. */
export function resolveResource(discovery: Discovery, target: string): Resolution {
  const [name, fieldPath] = splitDotNotation(target);
  const found = resourcesFor(discovery, name);
  if (!found.ok) return { ...found, name };
  return { ok: true, mapped: found.matches[0] as MappedResource, fieldPath, warnings: found.warnings };
}

/** Without --api-version: a `plural.group` prefix picks that group's resource. */
export function resolveResourceWithGroupPrefix(discovery: Discovery, target: string): Resolution {
  const text = target.endsWith('.') ? target.slice(0, -1) : target;
  const name = text.split('.')[0] ?? '';
  const found = resourcesFor(discovery, name);
  if (!found.ok) return { ...found, name };
  for (const mapped of found.matches) {
    const prefix = groupResourceKey(mapped.group, mapped.resource);
    if (!text.startsWith(prefix)) continue;
    const suffix = text.slice(prefix.length);
    return { ok: true, mapped, fieldPath: suffix ? suffix.split('.').slice(1) : [], warnings: found.warnings };
  }
  const [, fieldPath] = splitDotNotation(text);
  return { ok: true, mapped: found.matches[0] as MappedResource, fieldPath, warnings: found.warnings };
}
