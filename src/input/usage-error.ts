/**
 * A problem with what the user gave (a missing path, a bad flag, an unbundled version, a broken
 * configuration): the command line prints its message as one sentence and exits with code 2.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
