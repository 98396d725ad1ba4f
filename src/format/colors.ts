import pc from 'picocolors';

/** The colour functions formatters use; all identity when colour is off. */
export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  gray(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

/** Colour on or off, decided once by the CLI (TTY, NO_COLOR, FORCE_COLOR, --color). */
export function colors(enabled: boolean): Colors {
  const c = pc.createColors(enabled);
  return {
    red: c.red,
    yellow: c.yellow,
    blue: c.blue,
    green: c.green,
    cyan: c.cyan,
    gray: c.gray,
    bold: c.bold,
    underline: c.underline,
  };
}

/**
 * NO_COLOR (any non-empty value) turns colour off, FORCE_COLOR (other than 0) turns it on,
 * an explicit --color/--no-color wins over both; otherwise colour follows whether the stream is a TTY.
 */
export function shouldColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return isTTY;
}
