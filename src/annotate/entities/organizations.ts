import type { ArticleContext } from '../context.js';
import type { EntityFindings } from '../mention.js';
import { lexicalMentions } from './lexical.js';

/** International bodies, government bodies, companies, media, parties and initiatives. */
export function annotateOrganizations(ctx: ArticleContext): EntityFindings {
  return { mentions: lexicalMentions(ctx, 'Organization', 'organizations'), leads: [] };
}
