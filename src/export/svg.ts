import type { AbstractGraph as Graph } from 'graphology-types';
import { legend, nodeColor, nodePosition } from './html/legend.js';
import { SUMMARY_LIMITS, type SummaryLimits, summarize } from './summary.js';

export interface SvgOptions {
  /** picture width in SVG units; the height follows the layout's aspect */
  width?: number;
  /** how many of the biggest nodes get a label */
  labels?: number;
  /** past these sizes only a summary is drawn, with a line saying so (see summary.ts) */
  limits?: SummaryLimits;
}

const MARGIN = 40;
const LEGEND_WIDTH = 170;

interface Placed {
  key: string;
  label: string;
  type: string;
  x: number;
  y: number;
  r: number;
  color: string;
}

/**
 * A static picture of the laid-out graph: edges as lines, nodes as circles
 * coloured by type, labels on the biggest nodes, and a legend. The graph's y
 * axis points up (as in sigma.js), SVG's down, so y is flipped. Same graph,
 * same bytes: nodes and edges are written in a sorted order. A graph past the
 * limits is drawn as its summary, with a line naming what is left out.
 */
export function writeSvg(
  graph: Graph,
  { width = 1200, labels = 30, limits = SUMMARY_LIMITS }: SvgOptions = {},
): string {
  const summary = summarize(graph, limits);
  return draw(summary?.graph ?? graph, width, labels, summary?.notice);
}

function draw(graph: Graph, width: number, labels: number, notice?: string): string {
  const raw = graph
    .nodes()
    .sort()
    .map((key) => {
      const a = graph.getNodeAttributes(key);
      return { key, a, ...nodePosition(key, a) };
    });
  const xs = raw.map((n) => n.x);
  const ys = raw.map((n) => n.y);
  const [minX, maxX, minY, maxY] = [min(xs), max(xs), min(ys), max(ys)];
  const plotWidth = width - LEGEND_WIDTH - 2 * MARGIN;
  const scale = plotWidth / Math.max(maxX - minX, maxY - minY, 1e-9);
  const height = Math.max(Math.round((maxY - minY) * scale + 2 * MARGIN), 320);

  const placed = new Map<string, Placed>();
  for (const { key, a, x, y, size } of raw) {
    placed.set(key, {
      key,
      label: typeof a.label === 'string' && a.label !== '' ? a.label : key,
      type: String(a.type),
      x: round(LEGEND_WIDTH + MARGIN + (x - minX) * scale),
      y: round(MARGIN + (maxY - y) * scale),
      r: round(Math.min(Math.max(size, 1.5), 30)),
      color: nodeColor(a.color),
    });
  }
  // Big nodes drawn last so they sit on top; the same ones get labels.
  const bySize = [...placed.values()].sort((p, q) => p.r - q.r || cmp(p.key, q.key));
  const labelled = new Set(bySize.slice(-labels).map((p) => p.key));

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="sans-serif">`,
    `<title>${xml(String(graph.getAttribute('name') ?? 'Knowledge graph'))}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    '<g stroke="#b4b4b4" stroke-opacity="0.6">',
  ];
  for (const key of graph.edges().sort()) {
    const s = placed.get(graph.source(key));
    const t = placed.get(graph.target(key));
    if (!s || !t) continue;
    const weight = Number(graph.getEdgeAttribute(key, 'weight')) || 1;
    const strokeWidth = round(Math.min(0.6 + Math.log2(weight) * 0.5, 3));
    out.push(
      `<line x1="${s.x}" y1="${s.y}" x2="${t.x}" y2="${t.y}" stroke-width="${strokeWidth}"/>`,
    );
  }
  out.push('</g>', '<g stroke="#ffffff" stroke-width="0.8">');
  for (const p of bySize) {
    out.push(
      `<circle cx="${p.x}" cy="${p.y}" r="${p.r}" fill="${p.color}"><title>${xml(`${p.label} (${p.type})`)}</title></circle>`,
    );
  }
  out.push(
    '</g>',
    '<g font-size="12" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke">',
  );
  const middle = LEGEND_WIDTH + MARGIN + plotWidth / 2;
  for (const p of bySize) {
    if (!labelled.has(p.key)) continue;
    // labels point away from the centre so they stay inside the picture
    const [x, anchor] = p.x > middle ? [p.x - p.r - 3, ' text-anchor="end"'] : [p.x + p.r + 3, ''];
    out.push(`<text x="${round(x)}" y="${round(p.y + 4)}"${anchor}>${xml(short(p.label))}</text>`);
  }
  out.push('</g>', '<g font-size="13" fill="#222222">');
  legend(graph).forEach((entry, i) => {
    const y = MARGIN + i * 20;
    out.push(
      `<rect x="${MARGIN / 2}" y="${y - 10}" width="12" height="12" rx="6" fill="${entry.color}"/>`,
      `<text x="${MARGIN / 2 + 18}" y="${y}">${xml(`${entry.type} (${entry.count})`)}</text>`,
    );
  });
  out.push('</g>');
  if (notice !== undefined) {
    // top left, above the legend, drawn last with a halo: the first thing a reader sees
    out.push(
      `<text x="${MARGIN / 2}" y="${MARGIN / 2}" font-size="13" fill="#222222" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xml(notice)}</text>`,
    );
  }
  out.push('</svg>', '');
  return out.join('\n');
}

/**
 * Text for XML 1.0: markup characters escaped, and characters XML cannot carry
 * at all (C0 controls, lone surrogates, U+FFFE/FFFF) replaced by U+FFFD.
 */
export function xml(text: string): string {
  return text
    .replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 cannot carry
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function short(label: string): string {
  return label.length > 40 ? `${label.slice(0, 39)}…` : label;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function min(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => Math.min(a, b));
}

function max(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => Math.max(a, b));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
