import type fc from 'fast-check';
import type { SeedText } from './fuzz-cases.mjs';

export const manifestText: fc.Arbitrary<string>;
export function mutatedManifest(seeds: readonly SeedText[]): fc.Arbitrary<string>;
