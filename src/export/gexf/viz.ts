/**
 * Node appearance in the GEXF viz namespace: `color` ('#rrggbb' or '#rgb') as
 * r/g/b, `size` (>= 0) and `x`/`y` (z = 0, which 1.2draft requires). Values the
 * schema would reject are left out rather than written broken.
 */
import { xmlAttributes } from './xml.js';

/** Attribute names the viz elements consume; they are not written as columns. */
export const VIZ_ATTRIBUTES = ['color', 'size', 'x', 'y'] as const;

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

export function parseHexColor(color: unknown): Rgb | undefined {
  const match = typeof color === 'string' ? /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color) : null;
  if (!match) return undefined;
  let hex = match[1] as string;
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  const channel = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  return { r: channel(0), g: channel(2), b: channel(4) };
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The viz child elements of a node, one per line. */
export function vizElements(attributes: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const rgb = parseHexColor(attributes.color);
  if (rgb) {
    const { r, g, b } = rgb;
    lines.push(
      `<viz:color${xmlAttributes([
        ['r', String(r)],
        ['g', String(g)],
        ['b', String(b)],
      ])}/>`,
    );
  }
  const { x, y, size } = attributes;
  if (finite(x) && finite(y)) {
    lines.push(
      `<viz:position${xmlAttributes([
        ['x', String(x)],
        ['y', String(y)],
        ['z', '0'],
      ])}/>`,
    );
  }
  if (finite(size) && size >= 0)
    lines.push(`<viz:size${xmlAttributes([['value', String(size)]])}/>`);
  return lines;
}
