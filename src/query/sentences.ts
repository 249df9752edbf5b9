import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_EXTENSIONS, readArticle } from '../read/corpus.js';
import { splitSentences } from '../read/sentences.js';
import { classifyLines } from '../read/zones.js';

interface Span {
  start: number;
  end: number;
}

interface ReadArticle {
  text: string;
  sentences: Span[];
  lines: Span[];
}

/**
 * Whole sentences around evidence spans, read from the corpus folder the graph was built from,
 * split exactly as the annotators split them. Each article is read once.
 */
export class SentenceSource {
  private readonly cache = new Map<string, ReadArticle | null>();

  constructor(readonly corpusDir: string) {}

  private article(id: string): ReadArticle | null {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    let result: ReadArticle | null = null;
    // ids come from the graph file: never let one climb out of the corpus folder
    const safe = !/[/\\]/.test(id);
    const file = safe
      ? ARTICLE_EXTENSIONS.map((ext) => join(this.corpusDir, `${id}${ext}`)).find((f) =>
          existsSync(f),
        )
      : undefined;
    // a missing or unreadable article only means the evidence text stands alone
    if (file) {
      try {
        const input = readArticle(file);
        const lines = classifyLines(input.text, input.bodyStart);
        result = { text: input.text, lines, sentences: splitSentences(input.text, lines) };
      } catch {
        result = null;
      }
    }
    this.cache.set(id, result);
    return result;
  }

  /**
   * The sentence (or sentences, for a span that crosses a boundary) around `start..end`, or
   * undefined when the article is not there or no longer has that text at those offsets.
   */
  around(
    id: string,
    start: number,
    end: number,
    text: string,
  ): (Span & { text: string }) | undefined {
    const article = this.article(id);
    if (!article || article.text.slice(start, end) !== text) return undefined;
    const contains = (s: Span, offset: number) => s.start <= offset && offset < s.end;
    const last = Math.max(start, end - 1);
    const first =
      article.sentences.find((s) => contains(s, start)) ??
      article.lines.find((l) => contains(l, start));
    const final =
      article.sentences.find((s) => contains(s, last)) ??
      article.lines.find((l) => contains(l, last));
    if (!first || !final) return undefined;
    const span = { start: Math.min(first.start, start), end: Math.max(final.end, end) };
    return { ...span, text: article.text.slice(span.start, span.end) };
  }
}
