import type { Arbitrary } from 'fast-check';
import type { LintResult, SourceFile } from '../src/types.js';

export interface FuzzCase {
  path: string;
  text?: string;
  bytes?: Uint8Array;
}

export interface SeedText {
  path: string;
  text: string;
}

export type Decode = (bytes: Uint8Array) => { text: string; error?: { offset: number; message: string } };

export function seedTexts(root: string): SeedText[];
export const yamlishText: Arbitrary<string>;
export function applyMutation(text: string, mutation: unknown): string;
export function caseArbitrary(seeds: readonly SeedText[]): Arbitrary<FuzzCase>;
export function checkInvariants(lint: (files: SourceFile[]) => LintResult, decode: Decode, input: FuzzCase): void;
