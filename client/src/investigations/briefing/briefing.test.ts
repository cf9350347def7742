import { describe, expect, it } from 'vitest';
import type { Entity, RedFlag, Relationship } from '../../api/types.ts';
import { NO_FILTERS, type Filters } from '../../model-view/filters.ts';
import { EMPTY_DOC, type GraphDoc } from '../../model-view/graph-doc.ts';
import { entity, person, rel } from '../../model-view/fixtures.ts';
import type { CaseNote } from '../operations.ts';
import { briefingHtml } from './briefing-html.ts';
import { briefingOfView, type FlagsRead } from './briefing-of-view.ts';

const HOSTILE = '<img src=x onerror=alert(1)>"Mimo" & Co';
const djeha: Entity = { ...person('person-djeha', HOSTILE), sources: ['doc-log'] };
const herve = person('person-herve', 'Hervé Moreau');
const ofast = entity('org-ofast', 'Agency');
const elsewhere = person('person-elsewhere', 'Not On The View');
const codename = entity('inf-mimosa', 'Informant');
const associate: Relationship = {
  ...rel('rel-djeha-herve', 'person-djeha', 'person-herve', 'ASSOCIATE_OF', { grading: 'B2', since: '2024-01-01' }),
  sources: ['doc-log'],
};
const identity = rel('rel-identity', 'inf-mimosa', 'person-herve', 'IDENTIFIES_AS');
const logDocument: Entity = {
  ...entity('doc-log', 'Document', { title: 'Surveillance log 14', publisher: 'Brigade', url: 'file://logs/14.pdf' }),
};
const unrelatedDocument = entity('doc-unrelated', 'Document', { title: 'Unrelated dossier' });

const note = (id: string, targetId: string, text: string): CaseNote => ({
  id,
  targetId,
  author: 'ana',
  at: '2026-12-03T07:30:00.000Z',
  text,
});

const flag = (rule: string, summary: string, nodes: Entity[], relationships: Relationship[]): RedFlag => ({
  rule,
  severity: 'HIGH',
  summary,
  firstDate: '2024-01-01',
  lastDate: null,
  nodes,
  relationships,
});

function docOf(nodes: Entity[], relationships: Relationship[], hidden: string[] = []): GraphDoc {
  return {
    ...EMPTY_DOC,
    nodes: new Map(nodes.map((n) => [n.id, n])),
    relationships: new Map(relationships.map((r) => [r.id, r])),
    hidden: new Set(hidden),
  };
}

function briefingOf(input: {
  doc: GraphDoc;
  filters?: Filters;
  notes?: CaseNote[];
  flags?: FlagsRead;
  informantClearance?: boolean;
}) {
  return briefingOfView({
    doc: input.doc,
    filters: input.filters ?? NO_FILTERS,
    investigation: {
      id: 'inv-1',
      name: 'Mimosa </title><script>x()</script>',
      caseNumber: 'OP-MIMOSA-2026',
      views: [{ id: 'view-main', name: 'main', view: {} }],
      notes: input.notes ?? [],
    },
    reader: { username: 'ana', informantClearance: input.informantClearance ?? true, purpose: 'OP-MIMOSA-2026' },
    preparedAt: '2026-12-03T08:00:00.000Z',
    chart: 'data:image/png;base64,iVBORw0KGgo=',
    documents: [logDocument, unrelatedDocument],
    flags: input.flags ?? { phase: 'listed', flags: [] },
  });
}

describe('a briefing of a view', () => {
  it('escapes every name, note and title so nothing in the data becomes markup', () => {
    const html = briefingHtml(
      briefingOf({
        doc: docOf([djeha, herve], [associate]),
        notes: [note('n1', 'person-djeha', '<script>steal()</script> met at the port')],
      }),
    );
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;Mimo&#34; &#38; Co');
    expect(html).toContain('&#60;script&#62;steal()&#60;/script&#62; met at the port');
    expect(html).toContain('<title>Briefing: Mimosa &#60;/title&#62;');
    // A file that travels loads nothing and runs nothing, whatever slipped through.
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
  });

  it('lists the entities, relationships with their gradings and sources, the notes and the chart', () => {
    const briefing = briefingOf({
      doc: docOf([djeha, herve], [associate]),
      notes: [note('n1', 'person-herve', 'Owns the garage'), note('n2', 'view-main', 'Start from the port')],
    });
    const html = briefingHtml(briefing);
    expect(briefing.entities.map((e) => e.id)).toEqual(['person-djeha', 'person-herve']);
    expect(briefing.relationships).toEqual([
      expect.objectContaining({ type: 'ASSOCIATE_OF', to: 'Hervé Moreau', grading: 'B2', when: '2024-01-01 – …' }),
    ]);
    expect(html).toContain('<strong>B2</strong> <span class="muted">usually reliable source, probably true</span>');
    expect(html).toContain('Surveillance log 14');
    expect(html).toContain('file://logs/14.pdf');
    expect(html).toContain('ana, 2026-12-03 07:30, on Hervé Moreau:</span> Owns the garage');
    expect(html).toContain('on the view:</span> Start from the port');
    expect(html).toContain('<img alt="The chart of the view" src="data:image/png;base64,iVBORw0KGgo=">');
    expect(html).toContain('<dt>Prepared by</dt><dd>ana</dd>');
    expect(html).toContain('<dt>Case number</dt><dd>OP-MIMOSA-2026</dd>');
  });

  it('lists the red flags whose evidence is on the view', () => {
    const onView = flag('official-criminal-tie', 'Hervé Moreau is tied to Mimo', [djeha, herve], [associate]);
    const briefing = briefingOf({
      doc: docOf([djeha, herve], [associate]),
      flags: { phase: 'listed', flags: [onView] },
    });
    expect(briefing.redFlags).toEqual({
      phase: 'listed',
      flags: [
        {
          rule: 'Official criminal tie',
          severity: 'HIGH',
          summary: 'Hervé Moreau is tied to Mimo',
          dates: '2024-01-01',
        },
      ],
    });
    expect(briefingHtml(briefing)).toContain('<strong>Official criminal tie</strong>');
  });

  it('says so when the reader may not see red flags', () => {
    const briefing = briefingOf({
      doc: docOf([herve], []),
      flags: { phase: 'unavailable', reason: 'Red flags need the investigator role.' },
    });
    expect(briefingHtml(briefing)).toContain('Not available: Red flags need the investigator role.');
  });

  it('shows nothing that is off the view: hidden nodes, filtered labels, their notes, flags and sources', () => {
    const hiddenRel = rel('rel-hidden', 'person-herve', 'person-elsewhere');
    const briefing = briefingOf({
      doc: docOf([djeha, herve, elsewhere, ofast], [associate, hiddenRel], ['person-elsewhere']),
      filters: { ...NO_FILTERS, hiddenLabels: ['Agency'] },
      notes: [
        note('n1', 'person-elsewhere', 'Note on the hidden one'),
        note('n2', 'org-ofast', 'Note on the filtered agency'),
        note('n3', 'person-not-in-workspace', 'Note on something never drawn'),
      ],
      flags: {
        phase: 'listed',
        flags: [
          flag('paid-lookup', 'Partly off the view', [herve, elsewhere], [hiddenRel]),
          flag('unassigned-lookup', 'Wholly off the view', [person('person-far')], []),
        ],
      },
    });
    const html = briefingHtml(briefing);
    for (const absent of [
      'Not On The View',
      'person-elsewhere',
      'org-ofast',
      'rel-hidden',
      'Note on',
      'off the view',
    ]) {
      expect(html).not.toContain(absent);
    }
    expect(html).not.toContain('Unrelated dossier');
    expect(briefing.entities).toHaveLength(2);
    expect(briefing.redFlags).toEqual({ phase: 'listed', flags: [] });
  });

  it('leaves restricted links, their notes and flags out for a reader without clearance, with counts that match', () => {
    const doc = docOf([herve, codename], [identity]);
    const notes = [note('n1', 'rel-identity', 'The real name behind the codename')];
    const flags: FlagsRead = {
      phase: 'listed',
      flags: [flag('informant-paid-in-kind', 'Paid in kilos through the identity', [codename, herve], [identity])],
    };
    const uncleared = briefingHtml(briefingOf({ doc, notes, flags, informantClearance: false }));
    for (const absent of ['IDENTIFIES_AS', 'rel-identity', 'real name behind', 'Paid in kilos']) {
      expect(uncleared).not.toContain(absent);
    }
    expect(uncleared).toContain('Relationships (0)');
    expect(uncleared).toContain('<p class="muted">None.</p>');

    const cleared = briefingHtml(briefingOf({ doc, notes, flags, informantClearance: true }));
    expect(cleared).toContain('IDENTIFIES_AS');
    expect(cleared).toContain('The real name behind the codename');
    expect(cleared).toContain('Paid in kilos through the identity');
  });
});
