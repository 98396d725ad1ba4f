import { Command, Option } from 'commander';
import type { CliIO } from './io.js';
import { shouldColor } from '../format/colors.js';
import { crdObjectsIn } from '../engine/setup.js';
import { expandInputs } from '../input/files.js';
import type { JsonValue } from '../types.js';

interface CommonFlags {
  kubernetesVersion?: string;
  crds?: string[];
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** CustomResourceDefinitions from `--crds` paths, read through the same file and parse layers as lint. */
function crdsFrom(paths: readonly string[] | undefined): JsonValue[] {
  if (!paths || paths.length === 0) return [];
  return crdObjectsIn(expandInputs(paths, { markdown: false, commands: false }).files);
}

function commonOptions(cmd: Command): Command {
  return cmd
    .option('--kubernetes-version <version>', 'Kubernetes version of the bundled schemas (default: newest bundled; k8s-lint versions lists them)')
    .option('--crds <path>', 'CustomResourceDefinition files or directories whose kinds to include (repeatable)', collect);
}

/**
 * `explain`, `api-resources` and `api-versions`: kubectl's answers from the bundled schemas.
 * The explain module is imported only when one of these runs, so linting never loads it.
 */
export function registerExplainCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  const emit = (r: { stdout: string; stderr: string; exitCode: number }) => {
    if (r.stdout) io.stdout(r.stdout);
    if (r.stderr) io.stderr(r.stderr);
    setExit(r.exitCode);
  };

  commonOptions(
    program
      .command('explain')
      .description('describe a resource or field like kubectl explain, without a cluster')
      .argument('<type>', 'TYPE[.field.path], e.g. Service.spec.ports, deploy.spec.replicas, ingresses.networking.k8s.io.spec')
      .option('--recursive', 'print the fields of fields, names and types only')
      .option('--api-version <group/version>', 'pick the version of the resource, e.g. autoscaling/v2')
      .addOption(new Option('-o, --output <format>', 'plaintext or plaintext-openapiv2').default('plaintext'))
      .option('--color', 'force colour output')
      .option('--no-color', 'disable colour output')
      .option('--no-crd-catalog', 'do not look custom resources up in the bundled CRD catalog'),
  ).action(async (target: string, flags: CommonFlags & { recursive?: boolean; apiVersion?: string; output: string; color?: boolean; crdCatalog: boolean }) => {
    const { runExplain } = await import('../explain/index.js');
    emit(
      runExplain({
        target,
        ...(flags.recursive ? { recursive: true } : {}),
        ...(flags.apiVersion !== undefined ? { apiVersion: flags.apiVersion } : {}),
        ...(flags.kubernetesVersion !== undefined ? { kubernetesVersion: flags.kubernetesVersion } : {}),
        output: flags.output as 'plaintext' | 'plaintext-openapiv2',
        crds: crdsFrom(flags.crds),
        ...(flags.crdCatalog === false ? { crdCatalog: false } : {}),
        color: shouldColor(flags.color, io.stdoutIsTTY, io.env),
      }),
    );
  });

  commonOptions(
    program
      .command('api-resources')
      .description('list the resource types of the bundled schemas, like kubectl api-resources')
      .option('--api-group <group>', 'only this API group ("" for the core group)')
      .option('--namespaced [bool]', 'only namespaced (true) or cluster-wide (false) resources')
      .addOption(new Option('-o, --output <format>', 'wide or name').choices(['wide', 'name']))
      .addOption(new Option('--sort-by <column>', 'name or kind').choices(['name', 'kind']))
      .option('--no-headers', 'omit the header line')
      .option('--crd-catalog', 'also list the custom resources of the bundled CRD catalog'),
  ).action(async (flags: CommonFlags & { apiGroup?: string; namespaced?: string | boolean; output?: 'wide' | 'name'; sortBy?: 'name' | 'kind'; headers: boolean; crdCatalog?: boolean }) => {
    const { runApiResources } = await import('../explain/index.js');
    const namespaced = flags.namespaced === undefined ? undefined : flags.namespaced === true || flags.namespaced === 'true';
    emit(
      runApiResources({
        ...(flags.apiGroup !== undefined ? { apiGroup: flags.apiGroup } : {}),
        ...(namespaced !== undefined ? { namespaced } : {}),
        ...(flags.output ? { output: flags.output } : {}),
        ...(flags.sortBy ? { sortBy: flags.sortBy } : {}),
        noHeaders: !flags.headers,
        ...(flags.kubernetesVersion !== undefined ? { kubernetesVersion: flags.kubernetesVersion } : {}),
        crds: crdsFrom(flags.crds),
        ...(flags.crdCatalog ? { crdCatalog: true } : {}),
      }),
    );
  });

  commonOptions(program.command('api-versions').description('list the API versions of the bundled schemas, like kubectl api-versions')).action(
    async (flags: CommonFlags) => {
      const { runApiVersions } = await import('../explain/index.js');
      emit(runApiVersions({ ...(flags.kubernetesVersion !== undefined ? { kubernetesVersion: flags.kubernetesVersion } : {}), crds: crdsFrom(flags.crds) }));
    },
  );
}
