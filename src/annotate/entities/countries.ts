import type { ArticleContext } from '../context.js';
import type { EntityFindings } from '../mention.js';
import { lexicalMentions } from './lexical.js';

/** Countries by name, short form, acronym (AS, RRT) or demonym (Russian, Chinese). */
export function annotateCountries(ctx: ArticleContext): EntityFindings {
  return { mentions: lexicalMentions(ctx, 'Country', 'countries'), leads: [] };
}
