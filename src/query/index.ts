export { agreements } from './agreements.js';
export { egoNetwork } from './ego.js';
export { evidence } from './evidence.js';
export {
  cell,
  formatAgreements,
  formatEgo,
  formatEvidence,
  formatMeetings,
  formatPath,
  formatSectors,
  formatTimeline,
  table,
} from './format.js';
export { KnowledgeGraph, type KnowledgeGraphOptions } from './knowledge-graph.js';
export { loadGraph, readGraph } from './load.js';
export { editDistance, LookupError, normalizeName, type Suggestion } from './lookup.js';
export { meetings } from './meetings.js';
export { path } from './path.js';
export { sectorsOverTime } from './sectors-over-time.js';
export { timeline } from './timeline.js';
export type * from './types.js';
