import { detectCommandLanguage, extractMarkdownYamlBlocks, lintCommandText, type CommandLanguage } from '../commands/index.js';
import { appendFacts, lintYamlFile, type FileLintResult, type FileLintSettings } from './lint-file.js';
import type { SourceFile } from '../types.js';

/** A YAML block in Markdown is linted when it looks like a Kubernetes object, not any YAML at all. */
const MANIFEST_HINT = /^[ \t]*(apiVersion|kind)[ \t]*:/m;

/**
 * The Markdown file with everything outside one block blanked: every character but line breaks
 * becomes a space, so positions found in it are positions in the Markdown file itself.
 */
function maskOutside(text: string, start: number, end: number): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return blank(text.slice(0, start)) + text.slice(start, end) + blank(text.slice(end));
}

function merge(into: FileLintResult, from: FileLintResult): void {
  for (const f of from.findings) into.findings.push(f);
  into.resources += from.resources;
  for (const u of from.unchecked) into.unchecked.push(u);
  if (from.catalog) (into.catalog ??= []).push(...from.catalog);
  appendFacts(into.facts, from.facts);
  if (from.refs) (into.refs ??= []).push(...from.refs);
  if (from.ignores) (into.ignores ??= []).push(...from.ignores);
  if (from.configs) (into.configs ??= []).push(...from.configs);
  if (from.notices) (into.notices ??= []).push(...from.notices);
}

function empty(): FileLintResult {
  return { findings: [], resources: 0, unchecked: [], facts: new Map(), refs: [], ignores: [] };
}

function commandLanguageOf(file: SourceFile): CommandLanguage | undefined {
  if (file.language === 'yaml' || file.language === 'json') {
    // CI definitions are YAML, but what matters in them is the commands they run.
    const detected = detectCommandLanguage(file.path, file.text);
    return detected === 'ci-yaml' ? detected : undefined;
  }
  return file.language === 'markdown' || file.language === 'shell' || file.language === 'text' || file.language === 'makefile' || file.language === 'ci-yaml'
    ? file.language
    : undefined;
}

/**
 * Lints a file by what it is: manifests (YAML, JSON), Markdown (manifests in ```yaml blocks and
 * kubectl commands in shell blocks), or scripts, Makefiles, notes and CI files (kubectl commands).
 */
export function lintByLanguage(file: SourceFile, settings: FileLintSettings, options: { markdown?: boolean } = {}): FileLintResult {
  const commands = commandLanguageOf(file);
  // Bytes that are not text are one finding, whatever the file is (the YAML path reports it).
  if (commands === undefined || file.decodeError) return lintYamlFile(file, settings);
  const result = empty();
  if (commands === 'markdown' && options.markdown !== false) {
    for (const block of extractMarkdownYamlBlocks(file.text)) {
      if (!MANIFEST_HINT.test(block.text)) continue;
      const masked = maskOutside(file.text, block.startOffset, block.startOffset + block.text.length);
      merge(result, lintYamlFile({ ...file, text: masked, language: 'yaml' }, settings));
    }
  }
  for (const f of lintCommandText(file.path, file.text, commands)) result.findings.push(f);
  return result;
}
