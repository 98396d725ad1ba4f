/**
 * `k8s-lint lsp`: a Language Server Protocol server over standard input and output. Diagnostics
 * are the linter's findings (the library's pipeline, in process); hover, completion and code
 * actions come from the schemas explain reads and the suppression comments the linter honours.
 */
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from './code-actions.js';
import { completionsAt } from './completion.js';
import { toDiagnostic } from './diagnostics.js';
import { Folder, isConfigFile, type Limits, type OpenText } from './folder.js';
import { hoverAt } from './hover.js';
import { cursorContext } from './yaml-context.js';
import type { Finding, LintResult, SourceFile } from '../types.js';

/** What a client may set in `initializationOptions`. */
export interface ServerSettings extends Limits {
  /** Quiet time after the last change before a folder is linted again, in milliseconds. */
  debounceMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { debounceMs: 50, maxFiles: 2000, maxBytes: 16 * 1024 * 1024 };

function settingsFrom(options: unknown): ServerSettings {
  const given = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  const number = (key: keyof ServerSettings, min: number): number => {
    const value = given[key];
    return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : DEFAULT_SETTINGS[key];
  };
  return { debounceMs: number('debounceMs', 0), maxFiles: number('maxFiles', 1), maxBytes: number('maxBytes', 1) };
}

/** What a document was last linted as, for code actions on that version. */
interface Linted {
  version: number;
  file: SourceFile;
  findings: Finding[];
}

const pathOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);

/** An open document as it was when a lint started: its text and version belong together. */
interface Snapshot {
  doc: TextDocument;
  version: number;
  open: OpenText;
}

/** Runs the server on the given streams until the client ends the session. */
export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const connection = createConnection(input, output);
  const documents = new TextDocuments(TextDocument);
  let settings = DEFAULT_SETTINGS;
  let roots: string[] = [];
  const folders = new Map<string, Folder>();
  const pending = new Map<Folder, Set<string>>();
  const timers = new Map<Folder, NodeJS.Timeout>();
  const linted = new Map<string, Linted>();
  /** The diagnostics last sent for each open document, to send only what changed. */
  const published = new Map<string, string>();
  const shownErrors = new Set<string>();

  /** The workspace folder holding a path (the innermost), or the path's own directory outside any. */
  const folderFor = (path: string): Folder => {
    // An unsaved buffer has no path: it is linted alone, with the configuration of the working directory.
    const onDisk = isAbsolute(path);
    const root = onDisk ? (roots.filter((r) => path.startsWith(r.endsWith(sep) ? r : r + sep)).sort((a, b) => b.length - a.length)[0] ?? dirname(path)) : process.cwd();
    const scan = onDisk && roots.includes(root);
    const key = scan ? root : `${onDisk ? 'dir' : 'buffers'}\0${root}`;
    let folder = folders.get(key);
    if (!folder) {
      const created: Folder = new Folder(root, scan, settings, () => openTextsOf(created));
      folders.set(key, (folder = created));
    }
    return folder;
  };

  const openTextOf = (doc: TextDocument): OpenText => ({ path: pathOf(doc.uri), text: doc.getText(), languageId: doc.languageId });
  const openTextsOf = (folder: Folder): OpenText[] => documents.all().filter((d) => folderFor(pathOf(d.uri)) === folder).map(openTextOf);

  /** Sends the diagnostics of the folder's open documents: always for those just edited, else when they changed. */
  const publish = (folder: Folder, result: LintResult | undefined, snapshot: readonly Snapshot[], edited: ReadonlySet<string>) => {
    const error = folder.configError;
    if (error && !shownErrors.has(error)) {
      shownErrors.add(error);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `k8s-lint: ${error}` });
    }
    const byFile = new Map<string, Finding[]>();
    for (const f of result?.findings ?? []) {
      let list = byFile.get(f.file);
      if (!list) byFile.set(f.file, (list = []));
      list.push(f);
    }
    for (const { doc, version, open } of snapshot) {
      // Closed while it was being linted: its diagnostics were cleared and stay so.
      if (documents.get(doc.uri) !== doc) continue;
      const file = folder.sourceOf(open);
      const findings = (file && byFile.get(open.path)) || [];
      const diagnostics = findings.map(toDiagnostic);
      const key = JSON.stringify(diagnostics);
      if (file) linted.set(doc.uri, { version, file, findings });
      else linted.delete(doc.uri);
      if (!edited.has(doc.uri) && published.get(doc.uri) === key) continue;
      published.set(doc.uri, key);
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
    }
  };

  const flush = async (folder: Folder) => {
    timers.delete(folder);
    const uris = pending.get(folder) ?? new Set<string>();
    pending.delete(folder);
    const snapshot: Snapshot[] = documents
      .all()
      .filter((d) => folderFor(pathOf(d.uri)) === folder)
      .map((doc) => ({ doc, version: doc.version, open: openTextOf(doc) }));
    // Files changing on disk in a folder no document of which is open: nothing to show, nothing to read yet.
    if (snapshot.length === 0 && !folder.built) return;
    const changed = snapshot.filter((s) => uris.has(s.doc.uri)).map((s) => s.open);
    try {
      publish(folder, await folder.lint(changed), snapshot, uris);
    } catch (error) {
      connection.console.error(`k8s-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  /** Lints the folder once no change has come for the debounce time. */
  const schedule = (folder: Folder, uri?: string) => {
    let set = pending.get(folder);
    if (!set) pending.set(folder, (set = new Set()));
    if (uri) set.add(uri);
    clearTimeout(timers.get(folder));
    timers.set(folder, setTimeout(() => void flush(folder), settings.debounceMs));
  };

  /** A configuration file changed: every folder reads its configuration and files again. */
  const resetAll = () => {
    for (const folder of folders.values()) void folder.reset();
    shownErrors.clear();
    for (const doc of documents.all()) schedule(folderFor(pathOf(doc.uri)), doc.uri);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    settings = settingsFrom(params.initializationOptions);
    const folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folderUris.filter((u) => u.startsWith('file:')).map((u) => resolve(fileURLToPath(u)));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        // No trigger characters: a space in the indentation should not open a list; letters do.
        completionProvider: {},
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'k8s-lint' },
    };
  });

  connection.onInitialized(() => {
    // Files changed outside the editor (git checkout, generators) keep the folder's cross-resource view true.
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{yaml,yml,json,md,markdown,sh,bash,mk,txt}' }, { globPattern: '**/{Makefile,makefile,GNUmakefile}' }, { globPattern: '**/.k8s-lint.{yaml,yml}' }],
    }).catch(() => undefined);
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => resolve(pathOf(f.uri))));
      roots = [...roots.filter((r) => !removed.has(r)), ...event.added.filter((f) => f.uri.startsWith('file:')).map((f) => resolve(pathOf(f.uri)))];
      folders.clear();
      for (const doc of documents.all()) schedule(folderFor(pathOf(doc.uri)), doc.uri);
    });
  });

  documents.onDidChangeContent(({ document }) => schedule(folderFor(pathOf(document.uri)), document.uri));
  documents.onDidSave(({ document }) => {
    if (isConfigFile(pathOf(document.uri))) resetAll();
  });
  documents.onDidClose(({ document }) => {
    const path = pathOf(document.uri);
    linted.delete(document.uri);
    published.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    const folder = folderFor(path);
    void folder.closed(path).then(() => schedule(folder));
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const byFolder = new Map<Folder, string[]>();
    for (const change of changes) {
      const path = pathOf(change.uri);
      if (isConfigFile(path)) return resetAll();
      const folder = folderFor(path);
      if (!folder.scan) continue;
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
    }
    for (const [folder, paths] of byFolder) void folder.diskChanged(paths).then(() => schedule(folder));
  });

  connection.onHover(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    const folder = doc && yamlFolder(doc);
    const context = folder && cursorContext(doc.getText(), position.line, position.character);
    const facts = context && folder.schemaFacts();
    return (facts && hoverAt(context, facts, folder.kubernetesVersion, position.line)) ?? null;
  });

  connection.onCompletion(({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    const folder = doc && yamlFolder(doc);
    const context = folder && cursorContext(doc.getText(), position.line, position.character);
    const facts = context && folder.schemaFacts();
    return facts ? completionsAt(context, facts, position.line, position.character) : [];
  });

  connection.onCodeAction(({ textDocument, range }) => {
    const doc = documents.get(textDocument.uri);
    const last = linted.get(textDocument.uri);
    // Offsets and lines are those of the version linted; a newer text waits for its own findings.
    if (!doc || !last || last.version !== doc.version) return [];
    return codeActionsFor(doc, last.file, last.findings, range);
  });

  /** The folder of a YAML manifest being edited; hover and completion read block-style YAML only. */
  const yamlFolder = (doc: TextDocument): Folder | undefined => {
    const folder = folderFor(pathOf(doc.uri));
    const file = folder.sourceOf(openTextOf(doc));
    return file?.language === 'yaml' ? folder : undefined;
  };

  connection.onShutdown(() => {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}
