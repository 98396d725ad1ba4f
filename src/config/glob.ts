/**
 * A small glob matcher for `ignore` patterns, with gitignore's conventions (Node 20's
 * `path.matchesGlob` is experimental there and prints a warning):
 *   `*` any characters but `/`, `?` one of them, `**` any number of directories,
 *   `[abc]`/`[!abc]` a character class, `{a,b}` alternatives;
 *   a pattern without a `/` matches a file or directory name at any depth (`*.generated.yaml`);
 *   a pattern with a `/` is relative to the config file's directory (`charts/*\/templates`);
 *   a trailing `/` matches directories only; a matched directory ignores everything below it;
 *   a leading `!` re-includes what an earlier pattern ignored (the last matching pattern wins).
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const atStart = i === 0 || glob[i - 1] === '/';
        if (atStart && glob[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else if (ch === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, end).split(',').map((alt) => globToRegExp(alt).source.slice(1, -1)).join('|')})`;
        i = end;
      }
    } else re += /[\\^$.|+()]/.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${re}$`);
}

interface CompiledPattern {
  negate: boolean;
  directoryOnly: boolean;
  regex: RegExp;
}

function compile(pattern: string): CompiledPattern | undefined {
  let p = pattern.trim();
  const negate = p.startsWith('!');
  if (negate) p = p.slice(1);
  p = p.replace(/^\.\//, '');
  const directoryOnly = p.endsWith('/');
  p = p.replace(/\/+$/, '');
  if (p === '') return undefined;
  const anchored = p.includes('/');
  p = p.replace(/^\//, '');
  return { negate, directoryOnly, regex: globToRegExp(anchored ? p : `**/${p}`) };
}

/** A predicate for `/`-separated paths relative to the patterns' base directory. */
export function createIgnoreMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  const compiled = patterns.map(compile).filter((p): p is CompiledPattern => p !== undefined);
  return (relativePath) => {
    const parts = relativePath.replace(/^\.\//, '').split('/');
    let ignored = false;
    for (const p of compiled) {
      // The file itself, or any directory that contains it.
      for (let n = parts.length; n >= 1; n--) {
        if (p.directoryOnly && n === parts.length) continue;
        if (p.regex.test(parts.slice(0, n).join('/'))) {
          ignored = !p.negate;
          break;
        }
      }
    }
    return ignored;
  };
}
