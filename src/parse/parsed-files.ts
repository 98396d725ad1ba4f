import type { SourceFile } from '../types.js';
import type { ParsedYaml } from './document.js';

/**
 * Files already parsed before the lint stage (the CRD files, read first for their definitions),
 * held for the lint stage of the same thread so that no file is parsed twice in a run. Each parse
 * is handed over once and then dropped, so it lives only until its file is linted.
 */
export class ParsedFiles {
  private readonly byFile = new Map<SourceFile, ParsedYaml>();

  keep(file: SourceFile, parsed: ParsedYaml): void {
    this.byFile.set(file, parsed);
  }

  /** The parse kept for this very file object, once; undefined when there is none. */
  take(file: SourceFile): ParsedYaml | undefined {
    const parsed = this.byFile.get(file);
    if (parsed !== undefined) this.byFile.delete(file);
    return parsed;
  }
}
