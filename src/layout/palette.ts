import type { NodeType } from '../model/types.js';

/**
 * One palette for every view (GEXF, HTML viewer, SVG): colour-blind-friendly (Okabe–Ito based),
 * documented in the README.
 */
export const PALETTE: Readonly<Record<NodeType, string>> = Object.freeze({
  Leader: '#d55e00',
  Person: '#e69f00',
  Country: '#0072b2',
  Location: '#56b4e9',
  Organization: '#009e73',
  Sector: '#cc79a7',
  Meeting: '#c0392b',
  Agreement: '#7b3294',
  Article: '#999999',
});
