import type { AbstractGraph as Graph } from 'graphology-types';
import { clientBundle } from './bundle.js';
import { embedJson, viewerData } from './data.js';
import { renderPage } from './page.js';

export { type ViewerData, viewerData } from './data.js';
export { screenshot } from './screenshot.js';

export interface HtmlOptions {
  /** page title; default: the graph's `name` attribute */
  title?: string;
}

/**
 * One self-contained HTML page showing the laid-out graph (nodes need x, y;
 * size and color are used when present). Same graph, same bytes.
 */
export async function writeHtml(graph: Graph, options: HtmlOptions = {}): Promise<string> {
  const data = viewerData(graph);
  const { js, css } = await clientBundle();
  return renderPage({ title: options.title ?? data.name, css, js, json: embedJson(data) });
}
