import type { ChildProcess } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node';

export const BIN: string;
export function uriOf(path: string): string;
export function rssOf(pid: number): number | undefined;

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
export interface TextEdit {
  range: Range;
  newText: string;
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]> };
}
export interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string } | string;
  textEdit?: TextEdit;
}
export interface Hover {
  contents: { kind: string; value: string };
  range?: Range;
}
export type ContentChange = { text: string } | { range: Range; text: string };

export interface LspClient {
  child: ChildProcess;
  connection: MessageConnection;
  initialized: { capabilities: Record<string, unknown> };
  diagnostics: Map<string, PublishedDiagnostics>;
  messages: { type: number; message: string }[];
  stderr(): string;
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  change(uri: string, version: number, contentChanges: ContentChange[]): Promise<void>;
  closeDocument(uri: string): Promise<void>;
  filesChanged(changes: { uri: string; type: number }[]): Promise<void>;
  waitForDiagnostics(uri: string, options?: { version?: number; timeout?: number }): Promise<PublishedDiagnostics>;
  hover(uri: string, line: number, character: number): Promise<Hover | null>;
  completion(uri: string, line: number, character: number): Promise<CompletionItem[] | { items: CompletionItem[] } | null>;
  codeActions(uri: string, range: Range, diagnostics?: Diagnostic[]): Promise<CodeAction[] | null>;
  stop(): Promise<number | null | 'timeout'>;
}

export function startClient(options?: { root?: string; initializationOptions?: Record<string, unknown>; cwd?: string }): Promise<LspClient>;

export function manifestOfLines(lines: number): string;
