import { createHash } from 'node:crypto';

export interface PageParts {
  title: string;
  css: string;
  js: string;
  /** already made safe for a script element by embedJson */
  json: string;
  /** a line in the header, e.g. that only a summary of a big graph is shown */
  notice?: string;
}

/**
 * The page around the viewer. The Content-Security-Policy allows exactly the
 * inline script and style below (by hash) and no network at all, so even a
 * string that slipped through escaping could neither run nor phone home.
 */
export function renderPage({ title, css, js, json, notice }: PageParts): string {
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(js)}'`,
    `style-src '${sha256(css)}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const noticeLine =
    notice === undefined ? '' : `<span id="summary" class="note">${escapeText(notice)}</span>\n`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="icon" href="data:,">
<title>${escapeText(title)}</title>
<!-- Rendered with sigma.js and graphology (MIT licence), bundled below. -->
<style>${css}</style>
</head>
<body>
<header id="bar">
<h1 id="title">${escapeText(title)}</h1>
${noticeLine}<div id="search-box">
<label for="search">Search</label>
<input id="search" type="search" placeholder="Name, e.g. Putin" autocomplete="off" spellcheck="false" role="combobox" aria-expanded="false" aria-controls="suggestions">
<ul id="suggestions" role="listbox" hidden></ul>
</div>
</header>
<main>
<div id="graph" aria-label="Graph"></div>
<aside id="side">
<section id="filters">
<h2>Node types</h2>
<ul id="legend"></ul>
<div id="dates">
<h2>Meeting dates</h2>
<label>From <input id="year-from" type="range"> <output id="year-from-value"></output></label>
<label>To <input id="year-to" type="range"> <output id="year-to-value"></output></label>
<p class="note">Meetings outside the years are hidden, and agreements produced only at them. Undated meetings stay.</p>
</div>
</section>
<section id="details" aria-live="polite"><p class="note">Click a node, or search for a name, to see its attributes and evidence.</p></section>
</aside>
</main>
<script type="application/json" id="kg-data">${json}</script>
<script>${js}</script>
</body>
</html>
`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
