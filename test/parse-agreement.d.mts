import type { YamlStream } from '../src/parse/document.js';

export function compareParsePaths(
  streamYaml: (file: string, text: string, options?: { fast?: boolean }) => YamlStream,
  text: string,
  file?: string,
): { took: boolean; diff: string | undefined; documents: number };
