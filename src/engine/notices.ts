/** The summary's sentences about what a run read but did not check, and why. */

/** How many files are named in a notice before the rest are only counted. */
const NAMED_FILES = 5;

/**
 * One sentence for every tool configuration file of the run: `2 configuration files, not API
 * objects, were not linted: kind.yaml (kind Cluster), kubeadm.yaml (kubeadm InitConfiguration,
 * kubeadm ClusterConfiguration)`.
 */
export function configFilesNotice(files: readonly { path: string; configs?: readonly string[] }[]): string | undefined {
  const named = files.filter((f) => f.configs !== undefined && f.configs.length > 0);
  if (named.length === 0) return undefined;
  const listed = named.slice(0, NAMED_FILES).map((f) => `${f.path} (${[...new Set(f.configs)].join(', ')})`);
  const more = named.length > NAMED_FILES ? ` and ${named.length - NAMED_FILES} more` : '';
  const count = named.length === 1 ? '1 configuration file, not an API object, was' : `${named.length} configuration files, not API objects, were`;
  const readBy = named.length === 1 ? 'read by its tool' : 'read by their tools';
  return `${count} not linted (${readBy}, never sent to the API server): ${listed.join(', ')}${more}`;
}

/** One sentence for the objects the schema stage had no schema for, by kind. */
export function uncheckedNotice(unchecked: readonly { kind: string }[]): string | undefined {
  if (unchecked.length === 0) return undefined;
  const kinds = [...new Set(unchecked.map((u) => u.kind))].sort();
  return `${unchecked.length} resource${unchecked.length === 1 ? ' was' : 's were'} not schema-checked (no schema for ${kinds.join(', ')}); pass their CustomResourceDefinitions with --crds, or use --require-schemas to make this an error`;
}

/** One sentence for the custom resources checked against the bundled CRD catalog, by kind. */
export function catalogNotice(kinds: readonly string[]): string | undefined {
  if (kinds.length === 0) return undefined;
  const named = [...new Set(kinds)].sort();
  return `${kinds.length} resource${kinds.length === 1 ? ' was' : 's were'} checked against the bundled CRD catalog (${named.join(', ')}); pass your cluster's CustomResourceDefinitions with --crds to check against those instead, or --no-crd-catalog to skip them`;
}
