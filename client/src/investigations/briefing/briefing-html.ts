/**
 * A briefing as one self-contained HTML document: inline CSS with print rules, the chart as a
 * data URL, no script and a policy that forbids loading anything, so the file prints the same
 * anywhere and a hostile name in the data can neither run nor fetch. Every text is escaped.
 */
import { messages } from '../../i18n/current.ts';
import { labelName, typeName } from '../../i18n/model-words.ts';
import { gradingInWords } from '../grading.ts';
import type { Briefing, BriefingDocument, BriefingFlags, BriefingNote } from './briefing.ts';

const POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function briefingHtml(briefing: Briefing): string {
  const t = messages().briefing;
  const documents = new Map(briefing.documents.map((d) => [d.id, d]));
  const sources = (ids: readonly string[]) => sourceList(ids, documents);
  const title = `${briefing.title} (${briefing.caseNumber})`;
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<title>${escapeHtml(t.title(title))}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(t.title(briefing.title))}</h1>
<dl class="meta">
<dt>${t.caseNumber}</dt><dd>${escapeHtml(briefing.caseNumber)}</dd>
<dt>${t.preparedBy}</dt><dd>${escapeHtml(briefing.preparedBy)}</dd>
<dt>${t.date}</dt><dd>${escapeHtml(t.time(briefing.preparedAt))} UTC</dd>
<dt>${t.purpose}</dt><dd>${escapeHtml(briefing.purpose)}</dd>
</dl>
<p class="warning">${escapeHtml(t.warning)}</p>
</header>
<section class="chart">
<h2>${t.chart}</h2>
${briefing.chart ? `<img alt="${escapeHtml(t.chartAlt)}" src="${escapeHtml(briefing.chart)}">` : `<p>${t.noChart}</p>`}
</section>
<section>
<h2>${t.entities(briefing.entities.length)}</h2>
${table(
  t.entityHeadings,
  briefing.entities.map((e) => [e.name, labelName(e.label), e.id, gradingCell(e.grading), sources(e.sources)]),
)}
</section>
<section>
<h2>${t.relationships(briefing.relationships.length)}</h2>
${table(
  t.relationshipHeadings,
  briefing.relationships.map((r) => [
    r.from,
    typeName(r.type),
    r.to,
    r.when,
    gradingCell(r.grading),
    sources(r.sources),
  ]),
)}
</section>
<section>
<h2>${t.notes(briefing.notes.length)}</h2>
${notesList(briefing.notes)}
</section>
<section>
<h2>${escapeHtml(t.redFlags)}</h2>
${flagsList(briefing.redFlags)}
</section>
<section>
<h2>${t.sources(briefing.documents.length)}</h2>
${documentList(briefing.documents)}
</section>
</body>
</html>
`;
}

/** Text as HTML text or attribute value: the five characters that can open markup or end a quote. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A cell is plain text (escaped here) or markup built from escaped text. */
type Cell = string | { readonly html: string };

function table(headings: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  if (rows.length === 0) return `<p class="muted">${messages().briefing.none}</p>`;
  const head = headings.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((c) => `<td>${typeof c === 'string' ? escapeHtml(c) : c.html}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function gradingCell(grading: string | undefined): Cell {
  if (grading === undefined) return { html: `<span class="muted">${messages().briefing.notGraded}</span>` };
  return {
    html: `<strong>${escapeHtml(grading)}</strong> <span class="muted">${escapeHtml(gradingInWords(grading))}</span>`,
  };
}

function sourceList(ids: readonly string[], documents: ReadonlyMap<string, BriefingDocument>): Cell {
  if (ids.length === 0) return { html: `<span class="muted">${messages().briefing.noneLower}</span>` };
  return { html: ids.map((id) => escapeHtml(documents.get(id)?.title ?? id)).join('<br>') };
}

function notesList(notes: readonly BriefingNote[]): string {
  const t = messages().briefing;
  if (notes.length === 0) return `<p class="muted">${t.none}</p>`;
  const items = notes.map(
    (n) =>
      `<li><span class="muted">${escapeHtml(t.noteOn(n.author, t.time(n.at), n.about))}</span> ${escapeHtml(n.text)}</li>`,
  );
  return `<ul class="notes">\n${items.join('\n')}\n</ul>`;
}

function flagsList(read: BriefingFlags): string {
  const t = messages().briefing;
  if (read.phase === 'unavailable') return `<p class="muted">${escapeHtml(t.notAvailable(read.reason))}</p>`;
  if (read.flags.length === 0) return `<p class="muted">${t.noFlags}</p>`;
  const items = read.flags.map(
    (f) =>
      `<li><strong>${escapeHtml(f.rule)}</strong> <span class="severity">${escapeHtml(messages().redFlags.severities[f.severity] ?? f.severity)}</span>` +
      `${f.dates ? ` <span class="muted">${escapeHtml(f.dates)}</span>` : ''}<br>${escapeHtml(f.summary)}</li>`,
  );
  return `<ul class="flags">\n${items.join('\n')}\n</ul>`;
}

function documentList(documents: readonly BriefingDocument[]): string {
  const t = messages().briefing;
  if (documents.length === 0) return `<p class="muted">${t.none}</p>`;
  return table(
    t.documentHeadings,
    documents.map((d) => [d.title, d.publisher ?? '', d.publishedAt ?? '', d.url ?? '', d.id]),
  );
}

const STYLE = `
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; margin: 2rem; }
h1 { font-size: 18pt; margin: 0 0 .5rem; }
h2 { font-size: 13pt; border-bottom: 1px solid #999; margin: 1.5rem 0 .5rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.warning { font-size: 9pt; color: #555; }
.muted { color: #666; }
.severity { text-transform: lowercase; border: 1px solid #999; border-radius: 3px; padding: 0 .3rem; font-size: 9pt; }
.chart img { max-width: 100%; max-height: 16cm; border: 1px solid #ccc; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #eee; }
ul.notes li, ul.flags li { margin-bottom: .4rem; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; }
  h2 { break-after: avoid; }
  tr, li, .chart { break-inside: avoid; }
  thead { display: table-header-group; }
  th { background: none; }
}
`;
