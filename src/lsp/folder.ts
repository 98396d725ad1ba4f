/**
 * One folder as the editor's linter sees it: its configuration (found as the command line finds
 * it, from the folder up), its files read from disk once and kept up to date, the open documents'
 * texts in place of theirs, and the schemas explain reads, with the folder's CRDs.
 */
import { existsSync } from 'node:fs';
import { basename, isAbsolute, relative, sep } from 'node:path';
import { CONFIG_FILE_NAMES, configLintOptions, resolveConfig, type LoadedConfig } from '../config/load.js';
import { LintWorkspace } from '../engine/workspace.js';
import { DEFAULT_KUBERNETES_VERSION, type LintOptions } from '../engine/options.js';
import { SchemaFacts } from '../explain/fields.js';
import { loadExplainApi } from '../explain/source.js';
import { expandInputs, isKustomizationFile, languageOf, type Language } from '../input/files.js';
import type { JsonValue, LintResult, SourceFile } from '../types.js';

/** How much of a folder is read from disk. */
export interface Limits {
  maxFiles: number;
  maxBytes: number;
}

/** An open document as the linter reads it: a path (file system, or the URI of an unsaved buffer), its text, the editor's language. */
export interface OpenText {
  path: string;
  text: string;
  languageId: string;
}

const BY_LANGUAGE_ID: Readonly<Record<string, Language>> = {
  yaml: 'yaml',
  json: 'json',
  markdown: 'markdown',
  shellscript: 'shell',
  makefile: 'makefile',
  plaintext: 'text',
};

/** `.k8s-lint.yaml` (or `.yml`): read as the configuration, never linted as a manifest. */
export const isConfigFile = (path: string): boolean => (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));

export class Folder {
  private loaded: { options: LintOptions; config?: LoadedConfig } | { error: string } | undefined;
  private workspace: LintWorkspace | undefined;
  private facts: SchemaFacts | undefined;
  /** Operations run one after another: a rebuild never interleaves with an update. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `root` is an absolute directory; `scan` says whether its files are read from disk (a workspace
   * folder) or only open documents count (a file opened outside any workspace folder).
   */
  constructor(
    readonly root: string,
    readonly scan: boolean,
    private readonly limits: Limits,
    private readonly openTexts: () => readonly OpenText[],
  ) {}

  /** Runs `task` after every earlier task of this folder. */
  private serial<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** True once the folder's files have been read and linted. */
  get built(): boolean {
    return this.workspace !== undefined;
  }

  /** The configuration error that keeps this folder from being linted, if any. */
  get configError(): string | undefined {
    this.load();
    return this.loaded && 'error' in this.loaded ? this.loaded.error : undefined;
  }

  get configFile(): string | undefined {
    const loaded = this.loaded;
    return loaded && 'options' in loaded ? loaded.config?.file : undefined;
  }

  get kubernetesVersion(): string {
    const loaded = this.loaded;
    return (loaded && 'options' in loaded ? loaded.options.kubernetesVersion : undefined) ?? DEFAULT_KUBERNETES_VERSION;
  }

  private load(): void {
    if (this.loaded) return;
    try {
      // Found from the folder up, as the command line finds it from the directory it runs in.
      const config = resolveConfig(undefined, this.root);
      this.loaded = { options: configLintOptions(config, process.cwd()), ...(config ? { config } : {}) };
    } catch (error) {
      this.loaded = { error: messageOf(error) };
    }
  }

  private expandOptions(): { markdown?: boolean; commands?: boolean } {
    const options = this.options();
    return { ...(options?.markdown !== undefined ? { markdown: options.markdown } : {}), ...(options?.commands !== undefined ? { commands: options.commands } : {}) };
  }

  private options(): LintOptions | undefined {
    this.load();
    return this.loaded && 'options' in this.loaded ? this.loaded.options : undefined;
  }

  /** How the linter reads a text at `path`; undefined when it is not linted (ignored, a Kustomize file, not a kind of file we read). */
  sourceOf(open: OpenText): SourceFile | undefined {
    const options = this.options();
    // The linter's own configuration is no manifest (a walk of the folder skips it as a hidden file).
    if (!options || isKustomizationFile(open.path) || isConfigFile(open.path) || options.isIgnored?.(open.path)) return undefined;
    const language = languageOf(open.path, this.expandOptions()) ?? BY_LANGUAGE_ID[open.languageId];
    return language ? { path: open.path, text: open.text, language } : undefined;
  }

  /** Files from disk, within the limits; a path that is gone reads as nothing. */
  private readDisk(paths: readonly string[]): SourceFile[] {
    const options = this.options();
    if (!options) return [];
    try {
      return expandInputs(paths, { ...this.expandOptions(), budget: this.limits, ...(options.isIgnored ? { skip: options.isIgnored } : {}) }).files;
    } catch {
      return [];
    }
  }

  /** The one file at `path` on disk, when it is a file this folder lints. */
  private readOne(path: string): SourceFile | undefined {
    if (!this.scan || languageOf(path, this.expandOptions()) === undefined || !existsSync(path)) return undefined;
    // What the walk of the folder skips (hidden directories, node_modules, other folders) stays out.
    const inside = relative(this.root, path);
    if (inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).some((s) => s.startsWith('.') || s === 'node_modules')) return undefined;
    return this.readDisk([path]).find((f) => f.path === path);
  }

  /** The folder's files from disk (when scanned) with the open documents' texts over them. */
  private async build(): Promise<LintWorkspace | undefined> {
    const options = this.options();
    if (!options) return undefined;
    const files = new Map<string, SourceFile>();
    if (this.scan) for (const file of this.readDisk([this.root])) files.set(file.path, file);
    for (const open of this.openTexts()) {
      const source = this.sourceOf(open);
      if (source) files.set(source.path, source);
    }
    this.facts = undefined;
    try {
      this.workspace = await LintWorkspace.open(this.root, [...files.values()], options);
    } catch (error) {
      // A Kubernetes version without schemas, a `crds` path that is not there: as the command line, lint nothing.
      this.workspace = undefined;
      this.loaded = { error: messageOf(error) };
    }
    return this.workspace;
  }

  /** Lints the given open documents again and returns the folder's result; undefined when the configuration is broken. */
  lint(changed: readonly OpenText[]): Promise<LintResult | undefined> {
    return this.serial(async () => {
      if (!this.workspace) return (await this.build())?.result();
      let same = true;
      for (const open of changed) {
        const source = this.sourceOf(open);
        same = (source ? this.workspace.update(source) : this.workspace.remove(open.path)) && same;
      }
      // A CustomResourceDefinition changed: every custom resource is checked against the new schemas.
      if (!same) await this.build();
      return this.workspace?.result();
    });
  }

  /** Files changed on disk (not open in the editor): read again, or forgotten when deleted. */
  diskChanged(paths: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const workspace = this.workspace;
      if (!workspace || !this.scan) return;
      const open = new Set(this.openTexts().map((t) => t.path));
      let same = true;
      for (const path of paths) {
        if (open.has(path)) continue;
        const file = workspace.has(path) || workspace.paths.length < this.limits.maxFiles ? this.readOne(path) : undefined;
        if (file) same = workspace.update(file) && same;
        else for (const held of workspace.paths) if (held === path || held.startsWith(path + sep)) same = workspace.remove(held) && same;
      }
      if (!same) await this.build();
    });
  }

  /** A document was closed: the file on disk counts again (or nothing, outside a scanned folder). */
  closed(path: string): Promise<void> {
    return this.serial(() => {
      const workspace = this.workspace;
      if (!workspace) return;
      const file = this.readOne(path);
      const same = file ? workspace.update(file) : workspace.remove(path);
      return same ? undefined : this.build().then(() => undefined);
    });
  }

  /** Forgets the configuration and every file: read again at the next lint (a configuration file changed). */
  reset(): Promise<void> {
    return this.serial(() => {
      this.loaded = undefined;
      this.workspace = undefined;
      this.facts = undefined;
    });
  }

  /** The schemas of the folder's Kubernetes version with its CRDs, for hover and completion. */
  schemaFacts(): SchemaFacts | undefined {
    if (this.facts) return this.facts;
    const options = this.options();
    if (!options) return undefined;
    try {
      const crds = (this.workspace?.crdObjects ?? []) as JsonValue[];
      this.facts = new SchemaFacts(loadExplainApi(options.kubernetesVersion, crds));
    } catch {
      return undefined; // no catalog for the configured version: the lint result says so
    }
    return this.facts;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
