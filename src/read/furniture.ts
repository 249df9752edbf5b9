import { loadLexiconFile } from '../lexicon/yaml-file.js';

interface RuleData {
  id: string;
  pattern: string;
  maxWords?: number;
  maxLines?: number;
}
interface FurnitureData {
  line: RuleData[];
  header: RuleData[];
  byline: RuleData[];
}
export interface FurnitureRule {
  id: string;
  regex: RegExp;
  maxWords: number;
  maxLines: number;
}
export interface FurnitureRules {
  line: FurnitureRule[];
  header: FurnitureRule[];
  byline: FurnitureRule[];
}

let cached: FurnitureRules | undefined;

/** Compiled furniture rules from `src/lexicon/furniture.yaml` (compiled once). */
export function furnitureRules(): FurnitureRules {
  if (cached) return cached;
  const data = loadLexiconFile<FurnitureData>('furniture');
  const compile = (rules: RuleData[]): FurnitureRule[] =>
    rules.map((r) => ({
      id: r.id,
      regex: new RegExp(r.pattern, 'iu'),
      maxWords: r.maxWords ?? 20,
      maxLines: r.maxLines ?? 1,
    }));
  cached = { line: compile(data.line), header: compile(data.header), byline: compile(data.byline) };
  return cached;
}
