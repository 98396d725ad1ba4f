/**
 * `k8s-lint api-resources` and `k8s-lint api-versions`: kubectl's tables, from the bundled catalog
 * instead of a cluster's discovery.
 */
import type { JsonValue } from '../types.js';
import type { Discovery } from './discovery.js';
import type { ApiResource } from './model.js';
import { groupVersionString } from './model.js';
import type { CommandResult } from './run-explain.js';
import { loadExplainApi, withCatalogCrds, type ExplainApi } from './source.js';

export interface ApiResourcesArgs {
  /** Only resources of this API group (`''` is the core group). */
  apiGroup?: string;
  /** Only namespaced (true) or cluster-scoped (false) resources. */
  namespaced?: boolean;
  kubernetesVersion?: string;
  output?: 'wide' | 'name';
  /** Sort by `name` or `kind` instead of by group then name. */
  sortBy?: 'name' | 'kind';
  noHeaders?: boolean;
  crds?: JsonValue[];
  /** Also list the kinds of the bundled CRD catalog. */
  crdCatalog?: boolean;
}

export interface ApiVersionsArgs {
  kubernetesVersion?: string;
  crds?: JsonValue[];
}

const usage = (message: string): CommandResult => ({ stdout: '', stderr: `error: ${message}\n`, exitCode: 2 });

function load(kubernetesVersion: string | undefined, crds: JsonValue[] | undefined, api: ExplainApi | undefined): Discovery | CommandResult {
  try {
    return (api ?? loadExplainApi(kubernetesVersion, crds)).discovery;
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Aligns cells like kubectl's tab writer: each column is as wide as its widest cell plus three
 * spaces (at least ten), the last column is not padded.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 10, cell.length + 3);
    });
  }
  return rows.map((row) => row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 10) : cell)).join('') + '\n').join('');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortResources(resources: ApiResource[], sortBy: ApiResourcesArgs['sortBy']): ApiResource[] {
  const key = (r: ApiResource): string => (sortBy === 'name' ? r.plural : sortBy === 'kind' ? r.kind : r.group);
  return [...resources].sort((a, b) => compareText(key(a), key(b)) || compareText(a.plural, b.plural));
}

export function runApiResources(args: ApiResourcesArgs = {}, api?: ExplainApi): CommandResult {
  if (args.output !== undefined && args.output !== 'wide' && args.output !== 'name') {
    return usage(`--output ${String(args.output)} is not available in api-resources; use wide or name`);
  }
  if (args.sortBy !== undefined && args.sortBy !== 'name' && args.sortBy !== 'kind') {
    return usage(`--sort-by accepts only name or kind`);
  }
  const discovery = load(args.kubernetesVersion, args.crdCatalog ? withCatalogCrds(args.crds ?? []) : args.crds, api);
  if (!('resources' in discovery)) return discovery;
  let resources = discovery.preferredResources();
  if (args.apiGroup !== undefined) resources = resources.filter((r) => r.group === args.apiGroup);
  if (args.namespaced !== undefined) resources = resources.filter((r) => r.namespaced === args.namespaced);
  resources = sortResources(resources, args.sortBy);

  if (args.output === 'name') {
    return { stdout: resources.map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural) + '\n').join(''), stderr: '', exitCode: 0 };
  }
  const wide = args.output === 'wide';
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])];
  const rows = resources.map((r) => [
    r.plural,
    r.shortNames.join(','),
    groupVersionString(r.group, r.version),
    String(r.namespaced),
    r.kind,
    ...(wide ? [`[${r.verbs.join(' ')}]`, `[${r.categories.join(' ')}]`] : []),
  ]);
  return { stdout: formatTable(args.noHeaders ? rows : [header, ...rows]), stderr: '', exitCode: 0 };
}

/** Every served `group/version`, sorted as kubectl sorts them. */
export function runApiVersions(args: ApiVersionsArgs = {}, api?: ExplainApi): CommandResult {
  const discovery = load(args.kubernetesVersion, args.crds, api);
  if (!('resources' in discovery)) return discovery;
  const versions = discovery.groups.flatMap((g) => g.versions.map((v) => groupVersionString(g.name, v)));
  return { stdout: versions.sort(compareText).map((v) => v + '\n').join(''), stderr: '', exitCode: 0 };
}
