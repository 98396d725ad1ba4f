import type fc from 'fast-check';

export const manifestText: fc.Arbitrary<string>;
