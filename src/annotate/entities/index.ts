import type { ArticleContext } from '../context.js';
import type { EntityFindings } from '../mention.js';
import { annotateCountries } from './countries.js';
import { annotateLeaders } from './leaders.js';
import { annotateLocations } from './locations.js';
import { annotateOrganizations } from './organizations.js';
import { annotatePersons } from './persons.js';
import { annotateSectors } from './sectors.js';

export interface EntityAnnotator {
  name: string;
  run(ctx: ArticleContext): EntityFindings;
}

/** The entity annotators, one per entity type of the data model. Order here matters: it is evidence order. */
export const ENTITY_ANNOTATORS: EntityAnnotator[] = [
  { name: 'countries', run: annotateCountries },
  { name: 'leaders', run: annotateLeaders },
  { name: 'persons', run: annotatePersons },
  { name: 'locations', run: annotateLocations },
  { name: 'organizations', run: annotateOrganizations },
  { name: 'sectors', run: annotateSectors },
];

/** Every entity annotator's findings on one article, in one list. */
export function findEntities(ctx: ArticleContext): EntityFindings {
  const out: EntityFindings = { mentions: [], leads: [] };
  for (const a of ENTITY_ANNOTATORS) {
    const f = a.run(ctx);
    out.mentions.push(...f.mentions);
    out.leads.push(...f.leads);
  }
  return out;
}
