/**
 * Reads the files of a bundled version in `schemas/<version>/`. The newest version is stored whole;
 * each older one as its differences from the next newer one (see schemas/README.md), so reading
 * an older version reads the chain of newer versions' structure (or description) files up to the
 * newest, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DescriptionsDeltaFile, DescriptionsFile, SchemaNode, StructureDeltaFile, StructureFile } from './catalog-types.js';

/** The complete structure of a version (deltas applied; definitions in name order). */
export function readStructure(schemasDir: string, version: string): StructureFile {
  const read = (v: string): StructureFile | StructureDeltaFile => JSON.parse(readFileSync(join(schemasDir, v, 'structure.json'), 'utf8')) as StructureFile | StructureDeltaFile;
  const own = read(version);
  if (own.format !== 2) return own;
  // Newest first: the whole file, then each delta down to the version asked for, applied in place.
  const chain: StructureDeltaFile[] = [own];
  let next = read(own.base);
  while (next.format === 2) {
    chain.push(next);
    next = read(next.base);
  }
  const merged = next.definitions;
  for (const delta of chain.reverse()) {
    for (const name of delta.removed) delete merged[name];
    Object.assign(merged, delta.definitions);
  }
  const definitions: Record<string, SchemaNode> = {};
  for (const name of Object.keys(merged).sort()) definitions[name] = merged[name]!;
  return { format: 1, kubernetesVersion: own.kubernetesVersion, sources: own.sources, resources: own.resources, definitions };
}

/** The complete descriptions of a version (deltas applied, newest first, in place). */
export function readDescriptions(schemasDir: string, version: string): DescriptionsFile {
  const read = (v: string): DescriptionsFile | DescriptionsDeltaFile => JSON.parse(readFileSync(join(schemasDir, v, 'descriptions.json'), 'utf8')) as DescriptionsFile | DescriptionsDeltaFile;
  const chain: DescriptionsDeltaFile[] = [];
  let file = read(version);
  while (isDelta(file)) {
    chain.push(file);
    file = read(file.base);
  }
  const merged = file;
  for (const delta of chain.reverse()) {
    for (const [name, changes] of Object.entries(delta.definitions)) {
      const texts: Record<string, string> = { ...merged[name] };
      for (const [pointer, text] of Object.entries(changes)) {
        if (text === null) delete texts[pointer];
        else texts[pointer] = text;
      }
      merged[name] = texts;
    }
  }
  return merged;
}

function isDelta(file: DescriptionsFile | DescriptionsDeltaFile): file is DescriptionsDeltaFile {
  return (file as DescriptionsDeltaFile).format === 2 && typeof (file as DescriptionsDeltaFile).base === 'string';
}
