/** The shapes shared by the finders of command regions (one per kind of file) and the command linter. */

export type CommandLanguage = 'shell' | 'markdown' | 'text' | 'makefile' | 'ci-yaml';

export interface Region {
  start: number;
  end: number;
  /** YAML folded scalar: single newlines are spaces. */
  fold?: boolean;
}
