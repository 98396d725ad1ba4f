/**
 * An error a library function raises at run time where the API server's function also returns
 * one (a string that is not a quantity, a URL that does not parse). The validator reports it the
 * way the API server does, `<message> evaluating rule: <rule>`.
 */
export class CelRuntimeError extends Error {}

/**
 * A value or form that this evaluator does not implement, though the API server might accept it
 * (a regular expression feature JavaScript lacks). The rule is counted as not evaluated.
 */
export class CelUnsupportedError extends Error {}
