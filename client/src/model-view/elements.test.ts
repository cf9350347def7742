import { describe, expect, it } from 'vitest';
import { edgeElement, nodeElement } from './elements.ts';
import { entity, person, rel } from './fixtures.ts';
import { LABEL_STYLES, styleForLabel } from './label-styles.ts';
import { NODE_LABELS } from '../shared-model.ts';
import { describeDates, groupRelationships, pathSteps } from './describe.ts';

describe('API data to canvas elements', () => {
  it('captions a node with its name and "+K more" when the server left relationships out', () => {
    const node = nodeElement(person('djeha', 'Mohamed Djeha'), { omitted: 3, pinned: true });
    expect(node.data.caption).toBe('Mohamed Djeha\n+3 more');
    expect(node.classes.split(' ')).toEqual(expect.arrayContaining(['label-Person', 'pinned', 'has-more']));
  });

  it('marks suspect and indicted statuses as allegations, not convictions', () => {
    const suspect = edgeElement(rel('s', 'a', 'case', 'SUBJECT_OF', { status: 'indicted' }));
    expect(suspect.classes).toContain('alleged');
    expect(suspect.data.caption).toBe('SUBJECT_OF · indicted (alleged)');
    const convicted = edgeElement(rel('c', 'a', 'case', 'SUBJECT_OF', { status: 'convicted' }));
    expect(convicted.classes).not.toContain('alleged');
    expect(convicted.data.caption).toBe('SUBJECT_OF · convicted');
  });

  it('gives every model label its own colour and shape combination', () => {
    const looks = new Set(NODE_LABELS.map((l) => `${LABEL_STYLES[l].color}/${LABEL_STYLES[l].shape}`));
    expect(looks.size).toBe(NODE_LABELS.length);
    expect(styleForLabel('Ghost').shape).toBe('ellipse');
  });
});

describe('details and paths in words', () => {
  it('groups relationships by type with direction and dates', () => {
    const nodes = new Map([['ofast', entity('ofast', 'Agency')]]);
    const groups = groupRelationships(
      'officer',
      [
        rel('e', 'officer', 'ofast', 'EMPLOYED_BY', { since: '2015-01-01' }),
        rel('p', 'djeha', 'officer', 'PAID', { at: '2023-06-15' }),
        rel('other', 'x', 'y', 'PAID'),
      ],
      nodes,
    );
    expect(groups.map((g) => g.type)).toEqual(['EMPLOYED_BY', 'PAID']);
    expect(groups[0]?.lines[0]).toMatchObject({ direction: 'out', otherId: 'ofast', dates: 'since 2015-01-01' });
    expect(groups[1]?.lines[0]).toMatchObject({ direction: 'in', otherId: 'djeha', dates: 'on 2023-06-15' });
  });

  it('reads a path step by step, with arrows that follow the relationship direction', () => {
    const steps = pathSteps({
      length: 2,
      nodes: [person('djeha'), person('officer'), entity('ofast', 'Agency')],
      relationships: [rel('p', 'djeha', 'officer', 'PAID'), rel('e', 'officer', 'ofast', 'EMPLOYED_BY')],
    });
    expect(steps.map((s) => [s.from.id, s.type, s.forward, s.to.id])).toEqual([
      ['djeha', 'PAID', true, 'officer'],
      ['officer', 'EMPLOYED_BY', true, 'ofast'],
    ]);
    const back = pathSteps({
      length: 1,
      nodes: [entity('ofast', 'Agency'), person('officer')],
      relationships: [rel('e', 'officer', 'ofast', 'EMPLOYED_BY')],
    });
    expect(back[0]?.forward).toBe(false);
    expect(describeDates({ since: '2019', until: '2021' })).toBe('since 2019 until 2021');
  });
});
