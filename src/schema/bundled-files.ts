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
  const file = JSON.parse(readFileSync(join(schemasDir, version, 'structure.json'), 'utf8')) as StructureFile | StructureDeltaFile;
  if (file.format !== 2) return file;
  const base = readStructure(schemasDir, file.base);
  const merged: Record<string, SchemaNode> = { ...base.definitions, ...file.definitions };
  for (const name of file.removed) delete merged[name];
  const definitions: Record<string, SchemaNode> = {};
  for (const name of Object.keys(merged).sort()) definitions[name] = merged[name]!;
  return { format: 1, kubernetesVersion: file.kubernetesVersion, sources: file.sources, resources: file.resources, definitions };
}

/** The complete descriptions of a version (deltas applied). */
export function readDescriptions(schemasDir: string, version: string): DescriptionsFile {
  const file = JSON.parse(readFileSync(join(schemasDir, version, 'descriptions.json'), 'utf8')) as DescriptionsFile | DescriptionsDeltaFile;
  if (!isDelta(file)) return file;
  const merged: DescriptionsFile = { ...readDescriptions(schemasDir, file.base) };
  for (const [name, changes] of Object.entries(file.definitions)) {
    const texts: Record<string, string> = { ...merged[name] };
    for (const [pointer, text] of Object.entries(changes)) {
      if (text === null) delete texts[pointer];
      else texts[pointer] = text;
    }
    merged[name] = texts;
  }
  return merged;
}

function isDelta(file: DescriptionsFile | DescriptionsDeltaFile): file is DescriptionsDeltaFile {
  return (file as DescriptionsDeltaFile).format === 2 && typeof (file as DescriptionsDeltaFile).base === 'string';
}
