/// <reference lib="dom" />
import type { ViewerNode } from '../data.js';
import type { Model } from './model.js';

/** Cap per list, so a hub node does not build a page of thousands of items. */
const MAX_ITEMS = 200;

/**
 * Fills the side panel for one node. Every string from the data goes in as
 * text (textContent), never as markup.
 */
export function showDetails(
  panel: HTMLElement,
  model: Model,
  node: ViewerNode,
  onSelect: (key: string) => void,
): void {
  panel.replaceChildren();
  panel.dataset.node = node.key;

  const heading = el('h2', node.label);
  const swatch = el('span', '');
  swatch.className = 'swatch';
  swatch.style.background = node.color;
  heading.prepend(swatch);
  panel.append(heading, el('p', `${node.type} · ${node.key}`, 'key'));

  const table = el('table', '', 'attributes');
  for (const [name, value] of Object.entries(node.attributes)) {
    const row = table.insertRow();
    row.append(el('th', name), cell(name, value));
  }
  if (node.aliases.length > 0) {
    table.insertRow().append(el('th', 'aliases'), el('td', node.aliases.join(', ')));
  }
  if (table.rows.length > 0) panel.append(table);

  panel.append(el('h3', `Evidence (${node.evidence.length})`));
  const evidence = el('ol', '', 'evidence');
  for (const item of node.evidence.slice(0, MAX_ITEMS)) {
    const li = el('li', '');
    li.append(el('q', item.text), ' ', articleLink(model, item.article));
    li.title = `${item.annotator}/${item.rule}, characters ${item.start}–${item.end}`;
    evidence.append(li);
  }
  more(evidence, node.evidence.length);
  panel.append(evidence);

  const relations = neighbours(model, node.key);
  panel.append(el('h3', `Relations (${relations.length})`));
  const list = el('ul', '', 'relations');
  for (const { text, other } of relations.slice(0, MAX_ITEMS)) {
    const button = el('button', text);
    button.type = 'button';
    button.dataset.node = other.key;
    button.addEventListener('click', () => onSelect(other.key));
    const item = el('li', '');
    item.append(button);
    list.append(item);
  }
  more(list, relations.length);
  panel.append(list);
}

function neighbours(model: Model, key: string): { text: string; other: ViewerNode }[] {
  const out: { text: string; other: ViewerNode }[] = [];
  for (const edge of model.data.edges) {
    const outgoing = edge.source === key;
    if (!outgoing && edge.target !== key) continue;
    const other = model.byKey.get(outgoing ? edge.target : edge.source);
    if (!other) continue;
    const role = edge.role ? ` (${edge.role})` : '';
    const arrow = outgoing ? `${edge.type}${role} →` : `← ${edge.type}${role}`;
    out.push({ text: `${arrow} ${other.label} [${other.type}]`, other });
  }
  return out;
}

function articleLink(model: Model, article: string): HTMLElement {
  const link = model.data.articles[article];
  if (!link) return el('span', `[${article}]`, 'article');
  const a = el('a', `[${article}]`, 'article');
  a.href = link.href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  if (link.title) a.title = link.title;
  return a;
}

function cell(name: string, value: unknown): HTMLElement {
  const td = el('td', '');
  if (name === 'wikidata' && typeof value === 'string' && /^Q\d+$/.test(value)) {
    const a = el('a', value);
    a.href = `https://www.wikidata.org/wiki/${value}`;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    td.append(a);
  } else {
    td.textContent = Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'object' && value !== null
        ? JSON.stringify(value)
        : String(value);
  }
  return td;
}

function more(list: HTMLElement, total: number): void {
  if (total > MAX_ITEMS) list.append(el('li', `… and ${total - MAX_ITEMS} more`, 'note'));
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  if (className) node.className = className;
  return node;
}
