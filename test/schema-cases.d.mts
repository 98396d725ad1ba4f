export interface RandomSource {
  next(): number;
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
}
export function randomSource(seed: number): RandomSource;
export function randomSchema(r: RandomSource, depth?: number): import('../src/schema/catalog-types.js').SchemaNode;
export function valueFor(schema: unknown, r: RandomSource, depth?: number): unknown;
