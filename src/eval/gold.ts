import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadYamlFile } from '../lexicon/yaml-file.js';
import type { AgreementKind, MeetingKind } from '../model/types.js';
import { KgError } from '../util/errors.js';

export type GoldEntities = Partial<
  Record<'Leader' | 'Person' | 'Country' | 'Location' | 'Organization', string[]>
>;

export interface GoldMeeting {
  id: string;
  kind?: MeetingKind;
  date?: string;
  dates?: [string, string];
  location?: string[];
  participants: string[];
  sectors?: string[];
  optionalSectors?: string[];
  optional?: boolean;
}

export interface GoldAgreement {
  meeting: string;
  kind: AgreementKind;
  count?: number;
  title?: string;
  signatories?: string[];
  sectors?: string[];
  optionalSectors?: string[];
  optional?: boolean;
}

export interface Gold {
  article: string;
  entities?: GoldEntities | null;
  optionalEntities?: GoldEntities | null;
  meetings?: GoldMeeting[] | null;
  agreements?: GoldAgreement[] | null;
}

/** Every `*.yaml` gold file of a folder, validated, sorted by article id. */
export function loadGoldDir(dir: string): Gold[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  } catch (error) {
    throw new KgError(
      'E_GOLD',
      `cannot read gold folder: ${(error as NodeJS.ErrnoException).code}`,
      { file: dir },
    );
  }
  if (names.length === 0)
    throw new KgError('E_GOLD', 'no gold files (*.yaml) in folder', { file: dir });
  return names
    .sort()
    .map((n) => normalize(loadYamlFile<Gold>(join(dir, n), 'gold.schema.json', 'E_GOLD')))
    .sort((a, b) => (a.article < b.article ? -1 : 1));
}

/** YAML reads `date: 2023` as a number: dates are strings from here on. */
function normalize(gold: Gold): Gold {
  for (const m of gold.meetings ?? []) {
    if (m.date !== undefined) m.date = String(m.date);
    if (m.dates) m.dates = [String(m.dates[0]), String(m.dates[1])];
  }
  return gold;
}
