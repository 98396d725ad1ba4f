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
import { crdObjectsFrom, crdObjectsIn, defaultLintOptions } from './setup.js';

/** The CustomResourceDefinitions of one file as a comparable key ('' when it has none). */
function crdKeyOf(file: SourceFile): string {
  if (!file.text.includes('CustomResourceDefinition')) return '';
  const crds = crdObjectsIn([file]);
  return crds.length === 0 ? '' : JSON.stringify(crds);
}

export class LintWorkspace {
  private readonly results = new Map<string, PerFileResult>();
  private readonly crdKeys = new Map<string, string>();
  private readonly settings: FileLintSettings;
  private ordered: PerFileResult[] | undefined;

  /**
   * `root` is the directory the files were found in (absolute, `/`-separated below it); the
   * run-wide stages see files in the order a walk of it reads them, as `lint([root])` does.
   */
  private constructor(
    private readonly root: string,
    private readonly options: LintOptions,
  ) {
    this.settings = fileSettings(options, resolveRuleSettings(options));
  }

  /**
   * Lints `files` (found below `root`) the way `lint()` does: CustomResourceDefinitions among them
   * validate the custom resources of all. Throws UsageError for options that cannot work.
   */
  static async open(root: string, files: readonly SourceFile[], options: LintOptions = {}): Promise<LintWorkspace> {
    const { isIgnored: _ignored, onProgress: _progress, crds, ...rest } = options;
    // Read here rather than by the schema stage, so that `crdObjects` lists every CRD the schemas hold.
    const found = rest.schema === false ? [] : [...crdObjectsFrom(crds ?? []), ...crdObjectsIn(files)];
    const full = await defaultLintOptions(found.length > 0 ? { ...rest, crdObjects: [...(rest.crdObjects ?? []), ...found] } : rest);
    const workspace = new LintWorkspace(root, full);
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
   * Lints one file again (or for the first time). Returns false when the file's
   * CustomResourceDefinitions changed: the schema stage no longer matches, and the caller should
   * open a new workspace to see the change in the other files.
   */
  update(file: SourceFile): boolean {
    const before = this.crdKeys.get(file.path) ?? '';
    this.put(file);
    return (this.crdKeys.get(file.path) ?? '') === before;
  }

  /** Forgets a file; false when it held CustomResourceDefinitions (as `update`). */
  remove(path: string): boolean {
    const had = this.crdKeys.get(path) ?? '';
    this.results.delete(path);
    this.crdKeys.delete(path);
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
    const key = this.options.schema === false ? '' : crdKeyOf(file);
    if (key) this.crdKeys.set(file.path, key);
    else this.crdKeys.delete(file.path);
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
