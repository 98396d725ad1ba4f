import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CliIO } from './io.js';
import { createProgress } from './progress.js';
import { configLintOptions, effectiveConfig, resolveConfig } from '../config/load.js';
import { UsageError } from '../input/usage-error.js';
import { shouldColor } from '../format/colors.js';
import { FORMAT_NAMES, formatResult, isFormatName, type FormatName, type ReportContext } from '../format/index.js';
import { DEFAULT_KUBERNETES_VERSION, lint, type LintOptions, type PresetName } from '../engine/lint.js';
import { isPolicySpec } from '../engine/pod-security.js';
import { allRuleMetas } from '../rules/index.js';
import { fixPaths } from '../fix/index.js';
import { emitFixes, fixFilterOf, type FixFlags } from './fix.js';
import type { LintResult, Severity } from '../types.js';

interface LintFlags extends FixFlags {
  format?: string[];
  config?: string | false;
  printConfig?: string;
  kubernetesVersion?: string;
  strict?: boolean;
  namespace?: string;
  crds?: string[];
  schema?: string[];
  requireSchemas?: boolean;
  crdCatalog?: boolean;
  color?: boolean;
  markdown: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  reportUnusedDisableDirectives?: boolean;
  reportUnusedDisableDirectivesSeverity?: string;
  jobs?: number;
  podSecurity?: string;
  preset?: string[];
}

/** One requested output: a format and where it goes (undefined = standard output). */
export interface OutputSpec {
  format: FormatName;
  file?: string;
}

/** `stylish`, `sarif=out.sarif`; without any, stylish (plus annotations when run by GitHub Actions). */
export function parseOutputs(values: readonly string[] | undefined, env: NodeJS.ProcessEnv): OutputSpec[] {
  if (!values || values.length === 0) {
    return env.GITHUB_ACTIONS === 'true' ? [{ format: 'stylish' }, { format: 'github' }] : [{ format: 'stylish' }];
  }
  return values.map((value) => {
    const at = value.indexOf('=');
    const name = at >= 0 ? value.slice(0, at) : value;
    const file = at >= 0 ? value.slice(at + 1) : undefined;
    if (!isFormatName(name)) throw new UsageError(`unknown format "${name}" (use one of: ${FORMAT_NAMES.join(', ')})`);
    if (file === '') throw new UsageError(`--format ${name}= needs a file name after "="`);
    return { format: name, ...(file !== undefined ? { file } : {}) };
  });
}

/** The repository root for repo-relative paths in SARIF and annotations: the git top level, else cwd. */
export function repoRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** `--quiet`: errors only; warnings and infos are neither shown nor counted. */
export function errorsOnly(result: LintResult): LintResult {
  return { ...result, findings: result.findings.filter((f) => f.severity === 'error'), summary: { ...result.summary, warnings: 0, infos: 0 } };
}

const SEVERITY_OR_OFF = ['off', 'info', 'warning', 'error'];

/** As ESLint: the bare flag makes unused directives errors, `-severity` picks any level, `--no-` turns them off. */
function unusedDirectiveSeverity(flags: LintFlags): Severity | 'off' | undefined {
  const severity = flags.reportUnusedDisableDirectivesSeverity;
  if (severity !== undefined) {
    if (!SEVERITY_OR_OFF.includes(severity)) throw new UsageError(`--report-unused-disable-directives-severity takes off, info, warning or error, not "${severity}"`);
    return severity as Severity | 'off';
  }
  if (flags.reportUnusedDisableDirectives === undefined) return undefined;
  return flags.reportUnusedDisableDirectives ? 'error' : 'off';
}

/** Options given on the command line; they win over the config file. */
function flagOptions(flags: LintFlags): LintOptions {
  const unused = unusedDirectiveSeverity(flags);
  return {
    ...(flags.kubernetesVersion !== undefined ? { kubernetesVersion: flags.kubernetesVersion.replace(/^v/, '') } : {}),
    ...(flags.strict !== undefined ? { strict: flags.strict } : {}),
    ...(flags.namespace !== undefined ? { namespace: flags.namespace } : {}),
    ...(flags.crds !== undefined ? { crds: flags.crds } : {}),
    ...(flags.schema !== undefined ? { schemaFiles: flags.schema } : {}),
    ...(flags.requireSchemas ? { requireSchemas: true } : {}),
    ...(flags.podSecurity !== undefined ? { podSecurity: checkPodSecurity(flags.podSecurity) } : {}),
    ...(flags.preset !== undefined ? { preset: checkPresets(flags.preset) } : {}),
    ...(flags.crdCatalog !== undefined ? { crdCatalog: flags.crdCatalog } : {}),
    ...(unused !== undefined ? { reportUnusedDisableDirectives: unused } : {}),
    markdown: flags.markdown,
  };
}

function checkPodSecurity(value: string): string {
  if (!isPolicySpec(value)) throw new UsageError(`--pod-security takes privileged, baseline or restricted, with an optional policy version (restricted:v1.30), not "${value}"`);
  return value;
}

const PRESET_NAMES: readonly PresetName[] = ['recommended', 'all', 'security'];

function checkPresets(values: string[]): PresetName[] {
  const bad = values.find((v) => !(PRESET_NAMES as readonly string[]).includes(v));
  if (bad !== undefined) throw new UsageError(`--preset takes ${PRESET_NAMES.join(', ')}, not "${bad}"`);
  return values as PresetName[];
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];
const collectList = (value: string, previous: string[] | undefined) => [...(previous ?? []), ...value.split(',').filter(Boolean)];

function parseJobs(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs takes a whole number of worker threads, 1 or more, not "${value}"`);
  return Number(value);
}

function parseMaxWarnings(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--max-warnings takes a whole number, not "${value}"`);
  return Number(value);
}

/** The default command: flags, config, lint, outputs and exit code. */
export function configureLintCommand(program: Command, io: CliIO, setExit: (code: number) => void, version: string): void {
  const out = (o: Option, group: string) => program.addOption(o.helpGroup(group));
  const OUTPUT = 'Output:';
  const CHECKS = 'Checks:';
  const CONFIG = 'Configuration:';
  out(new Option('-f, --format <name[=file]>', `${FORMAT_NAMES.join(', ')}; repeat for several, =file writes to a file (default: stylish)`).argParser(collect), OUTPUT);
  out(new Option('-q, --quiet', 'report errors only; warnings are neither printed nor counted'), OUTPUT);
  out(new Option('--max-warnings <n>', 'exit 1 when there are more than n warnings').argParser(parseMaxWarnings), OUTPUT);
  out(new Option('--color', 'force colour output (--no-color: never; NO_COLOR is honoured)'), OUTPUT);
  out(new Option('--no-color', 'disable colour output').hideHelp(), OUTPUT);
  out(new Option('--kubernetes-version <version>', `Kubernetes version to check against (default: ${DEFAULT_KUBERNETES_VERSION}; k8s-lint versions lists the bundled ones)`), CHECKS);
  out(new Option('--strict', 'report unknown fields as errors (the default)').hideHelp(), CHECKS);
  out(new Option('--no-strict', 'report unknown fields as warnings'), CHECKS);
  out(new Option('--namespace <name>', 'namespace of objects that have none (default: default)'), CHECKS);
  out(new Option('--crds <path>', 'CustomResourceDefinition files or directories to check custom resources against (repeatable)').argParser(collectList), CHECKS);
  out(new Option('--schema <file>', 'OpenAPI v2 or v3 document(s) of your own cluster (kubectl get --raw /openapi/v2), file or directory (repeatable)').argParser(collect), CHECKS);
  out(new Option('--pod-security <level[:version]>', 'check pods and pod templates at this Pod Security Standards level (privileged, baseline, restricted; policy version default: --kubernetes-version)'), CHECKS);
  out(new Option('--preset <name>', 'rule sets to turn on: recommended (default), all, security (repeatable; security adds to recommended)').argParser(collectList), CHECKS);
  out(new Option('--crd-catalog', 'check custom resources without a CRD against the bundled CRD catalog (the default)').hideHelp(), CHECKS);
  out(new Option('--no-crd-catalog', 'do not check custom resources against the bundled CRD catalog of popular projects'), CHECKS);
  out(new Option('--require-schemas', 'objects whose kind has no schema (a custom resource without its CRD) are errors'), CHECKS);
  out(new Option('--no-markdown', 'do not lint Markdown files found in directories'), CHECKS);
  out(new Option('-j, --jobs <n>', 'worker threads for large inputs (default: the number of cores)').argParser(parseJobs), CHECKS);
  out(new Option('--fix', 'apply safe fixes to the files in place (--fix-dry-run: print them as a diff instead)'), OUTPUT);
  // Kept out of the short help (named in --fix's line); documented in the README (Fixing).
  out(new Option('--fix-dry-run', 'print the fixes as a unified diff and change nothing').hideHelp(), OUTPUT);
  out(new Option('--fix-type <types>', 'only fixes of these rule categories, comma-separated').argParser(collectList).hideHelp(), OUTPUT);
  out(new Option('--fix-rule <ids>', 'only fixes of these rule ids, comma-separated').argParser(collectList).hideHelp(), OUTPUT);
  out(new Option('-c, --config <file>', 'use this config file instead of the nearest .k8s-lint.yaml'), CONFIG);
  out(new Option('--no-config', 'ignore .k8s-lint.yaml files'), CONFIG);
  out(new Option('--print-config <file>', 'print the effective configuration for a file as JSON and exit'), CONFIG);
  out(new Option('--report-unused-disable-directives', 'report unused k8s-lint-disable comments as errors (default: warnings)'), CONFIG);
  out(new Option('--no-report-unused-disable-directives', 'do not report unused k8s-lint-disable comments'), CONFIG);
  // Kept out of the help (its name would double the width of every line); documented in the README.
  out(new Option('--report-unused-disable-directives-severity <level>', 'off, info, warning or error').hideHelp(), CONFIG);

  program.action(async (paths: string[], flags: LintFlags) => {
    const cwd = process.cwd();
    const loaded = resolveConfig(flags.config, cwd);
    const options: LintOptions = { ...configLintOptions(loaded, cwd), ...flagOptions(flags), readStdin: io.readStdin };
    if (flags.printConfig !== undefined) {
      const shown = effectiveConfig(flags.printConfig, loaded, options, { kubernetesVersion: DEFAULT_KUBERNETES_VERSION });
      io.stdout(JSON.stringify(shown, null, 2) + '\n');
      return;
    }
    if (paths.length === 0) throw new UsageError('no input: give files or directories to lint, or - for standard input (see --help)');
    const outputs = parseOutputs(flags.format, io.env);
    const fixFilter = fixFilterOf(flags, allRuleMetas());
    let report = io.stdout;
    const progress = createProgress({ stderr: io.stderr, stderrIsTTY: io.stderrIsTTY ?? false, env: io.env });
    let result: LintResult;
    try {
      if (fixFilter) {
        const run = await fixPaths(paths, options, { only: fixFilter });
        // A fixed standard input is the output; the report then goes to standard error.
        if (emitFixes(run.files, flags.fixDryRun === true, io)) report = io.stderr;
        result = run.result;
      } else {
        result = await lint(paths, {
          ...options,
          ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}),
          ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
        });
      }
    } finally {
      progress.done();
    }
    const shown = flags.quiet ? errorsOnly(result) : result;
    const context: ReportContext = { rules: allRuleMetas(), root: repoRoot(cwd), cwd, toolVersion: version };
    for (const output of outputs) {
      const color = output.file === undefined && report === io.stdout && shouldColor(flags.color, io.stdoutIsTTY, io.env);
      const text = formatResult(output.format, { result: shown, sources: shown.sources, color, context });
      if (output.file === undefined) report(text);
      else writeOutput(output.file, text);
    }
    setExit(exitCodeOf(shown, flags.maxWarnings, io));
  });
}

function writeOutput(file: string, text: string): void {
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'part of the path is a file, not a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : (code ?? (error as Error).message);
    throw new UsageError(`cannot write ${file}: ${reason}`);
  }
}

/** 2 when a check crashed, 1 for errors or too many warnings, else 0. */
function exitCodeOf(result: LintResult, maxWarnings: number | undefined, io: CliIO): number {
  if (result.findings.some((f) => f.ruleId === 'internal-error')) return 2;
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && maxWarnings >= 0 && result.summary.warnings > maxWarnings) {
    io.stderr(`k8s-lint: too many warnings (${result.summary.warnings}; --max-warnings is ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}
