import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlFile } from '../lexicon/yaml-file.js';
import type { ArticleMeta } from '../model/types.js';

export type Manifest = Record<string, Omit<ArticleMeta, 'id'> | null>;

/** `manifest.yaml` of a corpus folder, validated; an empty manifest when there is none. */
export function loadManifest(corpusDir: string): Manifest {
  const file = join(corpusDir, 'manifest.yaml');
  if (!existsSync(file)) return {};
  return loadYamlFile<Manifest | null>(file, 'manifest.schema.json', 'E_MANIFEST') ?? {};
}
