/// <reference lib="dom" />
/**
 * The viewer's browser entry, bundled with sigma and graphology by ../bundle.ts.
 * Reads the graph embedded in the page and wires the renderer to the controls.
 */
import { DirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { NodeDisplayData } from 'sigma/types';
import type { ViewerData } from '../data.js';
import { dateFilter, searchBox, typeFilter } from './controls.js';
import { showDetails } from './details.js';
import { buildModel, type Filter, visibleNodes } from './model.js';
import { searchIndex } from './search.js';
import './style.css';

/** Read-only hooks for tests and for people poking at the page from the console. */
interface ViewerHooks {
  ready: boolean;
  selected(): string | null;
  hovered(): string | null;
  select(key: string | null): void;
  /** keys the renderer currently draws, sorted */
  drawnNodes(): string[];
  /** page coordinates of a node's centre, for synthetic clicks */
  nodePosition(key: string): { x: number; y: number };
}

declare global {
  interface Window {
    __kg?: ViewerHooks;
  }
}

const FADED = '#e2e2e2';
const EDGE = '#c4c4c4';

const data = JSON.parse(document.getElementById('kg-data')?.textContent ?? '{}') as ViewerData;
const model = buildModel(data);
const filter: Filter = {
  hiddenTypes: new Set(),
  fromYear: model.years?.[0] ?? 0,
  toYear: model.years?.[1] ?? 0,
};
let visible = visibleNodes(model, filter);
let selected: string | null = null;
let hovered: string | null = null;

// The renderer's own graph holds only drawing attributes: sigma reads `type`
// as a program name, which our `type` (Leader, Meeting...) is not.
const graph = new DirectedGraph({ allowSelfLoops: false });
for (const node of data.nodes) {
  graph.addNode(node.key, {
    x: node.x,
    y: node.y,
    size: node.size,
    color: node.color,
    label: node.label,
  });
}
for (const edge of data.edges) {
  if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
  graph.addEdgeWithKey(edge.key, edge.source, edge.target, {
    size: Math.min(1 + Math.log2(Math.max(edge.weight, 1)), 5),
    color: EDGE,
  });
}

/** The node whose neighbourhood is highlighted: hovered, else selected, if drawn. */
function focusNode(): string | null {
  if (hovered && visible.has(hovered)) return hovered;
  return selected && visible.has(selected) ? selected : null;
}

const container = document.getElementById('graph') as HTMLElement;
const renderer = new Sigma(graph, container, {
  zIndex: true,
  labelFont: 'system-ui, sans-serif',
  labelRenderedSizeThreshold: 7,
  nodeReducer: (key, attributes) => {
    const out: Partial<NodeDisplayData> = { ...attributes, zIndex: 1 };
    if (!visible.has(key)) return { ...out, hidden: true };
    const focus = focusNode();
    if (focus) {
      if (key === focus || graph.areNeighbors(key, focus)) {
        Object.assign(out, { forceLabel: true, zIndex: 2 });
      } else {
        Object.assign(out, { color: FADED, label: '', zIndex: 0 });
      }
    }
    if (key === selected) out.highlighted = true;
    return out;
  },
  edgeReducer: (key, attributes) => {
    const source = graph.source(key);
    const target = graph.target(key);
    if (!visible.has(source) || !visible.has(target)) return { ...attributes, hidden: true };
    const focus = focusNode();
    if (focus && source !== focus && target !== focus) return { ...attributes, hidden: true };
    return attributes;
  },
});

const panel = document.getElementById('details') as HTMLElement;
const hint = Array.from(panel.childNodes);
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

function select(key: string | null, moveCamera = false): void {
  const node = key === null ? undefined : model.byKey.get(key);
  selected = node ? node.key : null;
  document.body.dataset.selected = selected ?? '';
  if (node) {
    showDetails(panel, model, node, (other) => select(other, true));
    if (moveCamera && visible.has(node.key)) {
      const at = renderer.getNodeDisplayData(node.key);
      if (at) {
        // pan only: the zoom the reader chose stays, so the neighbours stay in view
        renderer.getCamera().animate({ x: at.x, y: at.y }, { duration: reducedMotion ? 0 : 400 });
      }
    }
  } else {
    panel.replaceChildren(...hint);
    delete panel.dataset.node;
  }
  renderer.refresh({ skipIndexation: true });
}

function refilter(): void {
  visible = visibleNodes(model, filter);
  document.body.dataset.visible = String(visible.size);
  renderer.refresh({ skipIndexation: true });
}

renderer.on('enterNode', ({ node }) => {
  hovered = node;
  document.body.dataset.hovered = node;
  renderer.refresh({ skipIndexation: true });
});
renderer.on('leaveNode', () => {
  hovered = null;
  document.body.dataset.hovered = '';
  renderer.refresh({ skipIndexation: true });
});
renderer.on('clickNode', ({ node }) => select(node));
renderer.on('clickStage', () => select(null));

typeFilter(model, filter, refilter);
dateFilter(model, filter, refilter);
searchBox(searchIndex(data.nodes), (key) => select(key, true));

window.__kg = {
  ready: true,
  selected: () => selected,
  hovered: () => hovered,
  select: (key) => select(key, true),
  drawnNodes: () =>
    graph
      .nodes()
      .filter((key) => !renderer.getNodeDisplayData(key)?.hidden)
      .sort(),
  nodePosition: (key) => {
    const { x, y } = graph.getNodeAttributes(key) as { x: number; y: number };
    const point = renderer.graphToViewport({ x, y });
    const box = container.getBoundingClientRect();
    return { x: box.left + point.x, y: box.top + point.y };
  },
};
document.body.dataset.ready = 'true';
