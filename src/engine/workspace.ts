/**
 * A lint run kept alive: the per-file results of a set of files, so that when one file changes only
 * that file is linted again, and the run-wide stages (cross-resource checks, suppression, sorting)
 * are redone over every file's kept results. An editor keeps one per workspace folder.
 */
import { sep } from 'node:path';
import { compareWalkOrder } from '../input/files.js';
import type { LintResult, SourceFile } from '../types.js';
import { aggregate } from './aggregate.js';
import type { FileLintSettings } from './lint-file.js';
import type { LintOptions } from './options.js';
import { lintOneFile, type PerFileResult } from './per-file.js';
import { fileSettings, resolveRuleSettings } from './settings.js';
import { namespacePoliciesIn, withPodSecurity } from './pod-security.js';
import { crdObjectsFrom, crdObjectsIn, defaultLintOptions } from './setup.js';

/**
 * What one file gives every other file of the run, as a comparable key ('' when nothing): its
 * CustomResourceDefinitions (the schema stage) and its Namespaces' Pod Security labels.
 */
function runWideKeyOf(file: SourceFile, schema: boolean): string {
  const crds = schema && file.text.includes('CustomResourceDefinition') ? crdObjectsIn([file]) : [];
  const namespaces = namespacePoliciesIn([file]);
  if (crds.length === 0 && Object.keys(namespaces).length === 0) return '';
  return JSON.stringify([crds, namespaces]);
}

export class LintWorkspace {
  private readonly results = new Map<string, PerFileResult>();
  private readonly runWideKeys = new Map<string, string>();
  private readonly settings: FileLintSettings;
  private ordered: PerFileResult[] | undefined;

  /**
   * `root` is the directory the files were found in (absolute, `/`-separated below it); the
   * run-wide stages see files in the order a walk of it reads them, as `lint([root])` does.
   */
  private constructor(
    private readonly root: string,
    private readonly options: LintOptions,
    /** The configuration's level by path: a file it names that the run did not see needs a new run. */
    private readonly podSecurityOf?: (path: string) => string | undefined,
  ) {
    // An editor's texts change with every keystroke: keeping their scans on disk would only cost.
    const { scanCache: _scans, ...settings } = fileSettings(options, resolveRuleSettings(options));
    this.settings = settings;
  }

  /**
   * Lints `files` (found below `root`) the way `lint()` does: CustomResourceDefinitions among them
   * validate the custom resources of all. Throws UsageError for options that cannot work.
   */
  static async open(root: string, files: readonly SourceFile[], options: LintOptions = {}): Promise<LintWorkspace> {
    const { isIgnored: _ignored, onProgress: _progress, crds, podSecurityOf, ...given } = options;
    // Namespace labels and the configuration's per-path levels, worked out over every file.
    const rest = withPodSecurity(files, podSecurityOf ? { ...given, podSecurityOf } : given);
    // Read here rather than by the schema stage, so that `crdObjects` lists every CRD the schemas hold.
    const found = rest.schema === false ? [] : [...crdObjectsFrom(crds ?? []), ...crdObjectsIn(files)];
    const full = await defaultLintOptions(found.length > 0 ? { ...rest, crdObjects: [...(rest.crdObjects ?? []), ...found] } : rest);
    const workspace = new LintWorkspace(root, full, podSecurityOf);
    for (const file of files) workspace.put(file);
    return workspace;
  }

  /** The CustomResourceDefinition objects the schema stage was built with. */
  get crdObjects(): readonly unknown[] {
    return this.options.crdObjects ?? [];
  }

  /** Paths of the files held, in walk order. */
  get paths(): string[] {
    return this.sorted().map((r) => r.path);
  }

  has(path: string): boolean {
    return this.results.has(path);
  }

  /**
   * Lints one file again (or for the first time). Returns false when what the file gives the whole
   * run changed (its CustomResourceDefinitions, its Namespaces' Pod Security labels), or when it is
   * a new file the configuration gives a Pod Security level: the settings no longer match, and the
   * caller should open a new workspace to see the change in the other files.
   */
  update(file: SourceFile): boolean {
    const before = this.runWideKeys.get(file.path) ?? '';
    const levelUnknown = !this.results.has(file.path) && this.podSecurityOf?.(file.path) !== undefined && !(file.path in (this.options.podSecurityFiles ?? {}));
    this.put(file);
    return (this.runWideKeys.get(file.path) ?? '') === before && !levelUnknown;
  }

  /** Forgets a file; false when it held CustomResourceDefinitions or Pod Security labels (as `update`). */
  remove(path: string): boolean {
    const had = this.runWideKeys.get(path) ?? '';
    this.results.delete(path);
    this.runWideKeys.delete(path);
    this.ordered = undefined;
    return had === '';
  }

  /** Cross-resource checks, severities, suppression and sorting over every file held. */
  result(): LintResult {
    return aggregate(this.sorted(), this.options);
  }

  private put(file: SourceFile): void {
    // The text is kept by the caller (an editor's buffer, or the disk); results keep none of it.
    const { text: _text, ...result } = lintOneFile(file, this.settings);
    this.results.set(file.path, result);
    const key = runWideKeyOf(file, this.options.schema !== false);
    if (key) this.runWideKeys.set(file.path, key);
    else this.runWideKeys.delete(file.path);
    this.ordered = undefined;
  }

  private sorted(): PerFileResult[] {
    if (this.ordered) return this.ordered;
    const prefix = this.root.endsWith(sep) ? this.root : this.root + sep;
    const relative = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : path).split(sep).join('/');
    this.ordered = [...this.results.values()].sort((a, b) => compareWalkOrder(relative(a.path), relative(b.path)));
    return this.ordered;
  }
}
