import type { AbstractGraph as Graph } from 'graphology-types';
import { SUMMARY_LIMITS, type SummaryLimits, summarize } from '../summary.js';
import { clientBundle } from './bundle.js';
import { embedJson, viewerData } from './data.js';
import { renderPage } from './page.js';

export { type ViewerData, viewerData } from './data.js';
export { screenshot } from './screenshot.js';

export interface HtmlOptions {
  /** page title; default: the graph's `name` attribute */
  title?: string;
  /** past these sizes the page shows a summary and says so (see ../summary.ts) */
  limits?: SummaryLimits;
}

/**
 * One self-contained HTML page showing the laid-out graph (nodes need x, y;
 * size and color are used when present). Same graph, same bytes. A graph past
 * the limits is shown as its summary, with a line naming what is left out.
 */
export async function writeHtml(graph: Graph, options: HtmlOptions = {}): Promise<string> {
  const summary = summarize(graph, options.limits ?? SUMMARY_LIMITS);
  const data = viewerData(summary?.graph ?? graph);
  const { js, css } = await clientBundle();
  return renderPage({
    title: options.title ?? data.name,
    css,
    js,
    json: embedJson(data),
    notice: summary?.notice,
  });
}
