/// <reference lib="dom" />
import type { ViewerNode } from '../data.js';
import type { Filter, Model } from './model.js';
import { type SearchIndex, search } from './search.js';

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`viewer page lacks #${id}`);
  return element as T;
}

/** Legend rows double as the type filter: one checkbox per node type. */
export function typeFilter(model: Model, filter: Filter, onChange: () => void): void {
  const list = byId<HTMLUListElement>('legend');
  for (const entry of model.data.legend) {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = entry.type;
    box.addEventListener('change', () => {
      if (box.checked) filter.hiddenTypes.delete(entry.type);
      else filter.hiddenTypes.add(entry.type);
      onChange();
    });
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = entry.color;
    const label = document.createElement('label');
    label.append(box, swatch, `${entry.type} (${entry.count})`);
    const item = document.createElement('li');
    item.append(label);
    list.append(item);
  }
}

/** Two year sliders; moving one past the other drags the other along. */
export function dateFilter(model: Model, filter: Filter, onChange: () => void): void {
  const section = byId('dates');
  if (!model.years) {
    section.hidden = true;
    return;
  }
  const [min, max] = model.years;
  const from = byId<HTMLInputElement>('year-from');
  const to = byId<HTMLInputElement>('year-to');
  for (const input of [from, to]) {
    input.min = String(min);
    input.max = String(max);
    input.step = '1';
  }
  from.value = String(min);
  to.value = String(max);
  const update = (moved: HTMLInputElement) => {
    if (Number(from.value) > Number(to.value)) {
      if (moved === from) to.value = from.value;
      else from.value = to.value;
    }
    filter.fromYear = Number(from.value);
    filter.toYear = Number(to.value);
    byId('year-from-value').textContent = from.value;
    byId('year-to-value').textContent = to.value;
    onChange();
  };
  from.addEventListener('input', () => update(from));
  to.addEventListener('input', () => update(to));
  update(from);
}

/** Search box with a suggestion list; Enter takes the highlighted (else the first) match. */
export function searchBox(index: SearchIndex, onSelect: (key: string) => void): void {
  const input = byId<HTMLInputElement>('search');
  const list = byId<HTMLUListElement>('suggestions');
  let hits: ViewerNode[] = [];
  let active = 0;

  const render = () => {
    list.replaceChildren();
    hits.forEach((node, i) => {
      const item = document.createElement('li');
      item.setAttribute('role', 'option');
      item.dataset.node = node.key;
      item.setAttribute('aria-selected', String(i === active));
      item.textContent = `${node.label} `;
      const type = document.createElement('span');
      type.className = 'note';
      type.textContent = node.type;
      item.append(type);
      // mousedown, not click: it fires before the input's blur hides the list
      item.addEventListener('mousedown', (event) => {
        event.preventDefault();
        choose(node);
      });
      list.append(item);
    });
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const choose = (node: ViewerNode) => {
    input.value = node.label;
    hits = [];
    render();
    onSelect(node.key);
  };

  input.addEventListener('input', () => {
    hits = search(index, input.value);
    active = 0;
    render();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (hits.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      const node = hits[active] ?? search(index, input.value, 1)[0];
      if (node) choose(node);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      hits = [];
      render();
    }
  });
  input.addEventListener('blur', () => {
    hits = [];
    render();
  });
}
