import type { ArticleContext } from '../context.js';
import type { EntityFindings } from '../mention.js';
import { lexicalMentions } from './lexical.js';

/** Cities, regions, venues, waters and zones named in the lexicon. */
export function annotateLocations(ctx: ArticleContext): EntityFindings {
  return { mentions: lexicalMentions(ctx, 'Location', 'locations'), leads: [] };
}
