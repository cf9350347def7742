import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from './filters.ts';
import { person, rel } from './fixtures.ts';
import { applyChange, EMPTY_DOC, invertChange } from './graph-doc.ts';
import { planAdd, planReplace } from './graph-changes.ts';
import { keptGroups, planGroup } from './groups.ts';
import { parseWorkspace, serialiseWorkspace } from './workspace-file.ts';

const base = applyChange(
  EMPTY_DOC,
  planAdd(
    EMPTY_DOC,
    { nodes: [person('a'), person('b'), person('c')], relationships: [rel('ab', 'a', 'b'), rel('bc', 'b', 'c')] },
    { description: 'test' },
  ),
);
const doc = applyChange(base, planGroup(base, { id: 'group:clan', name: 'Clan', members: ['a', 'b'] }));

describe('groups in saved views', () => {
  it('are written to the workspace file and read back as they were', () => {
    const text = serialiseWorkspace({ doc, filters: NO_FILTERS, positions: new Map() });
    const parsed = parseWorkspace(text);
    expect(parsed.ok && [...(parsed.workspace.doc.groups?.values() ?? [])]).toEqual([
      { id: 'group:clan', name: 'Clan', members: ['a', 'b'] },
    ]);
  });

  it('leave out a hand-edited group: a member not in the file, a node in two groups, a foreign id', () => {
    const raw = JSON.parse(serialiseWorkspace({ doc, filters: NO_FILTERS, positions: new Map() })) as Record<
      string,
      unknown
    >;
    raw['groups'] = [
      { id: 'group:1', name: 'ghost', members: ['a', 'ghost'] },
      { id: 'group:2', name: 'first', members: ['a', 'b'] },
      { id: 'group:3', name: 'second', members: ['b', 'c'] },
      { id: 'person-x', name: 'not a group id', members: ['a', 'c'] },
    ];
    const parsed = parseWorkspace(JSON.stringify(raw));
    expect(parsed.ok && [...(parsed.workspace.doc.groups?.keys() ?? [])]).toEqual(['group:2']);
  });

  it('a file without groups opens with none (older files stay valid)', () => {
    const parsed = parseWorkspace(serialiseWorkspace({ doc: base, filters: NO_FILTERS, positions: new Map() }));
    expect(parsed.ok && parsed.workspace.doc.groups).toBeUndefined();
  });

  it('lose members that are no longer readable, and a group left with one member goes', () => {
    const left = new Map([...doc.nodes].filter(([id]) => id !== 'b'));
    expect([...keptGroups(doc.groups ?? new Map(), left).values()]).toEqual([]);
  });

  it('come with an opened view, and undoing the opening takes them away again', () => {
    const other = applyChange(base, planGroup(base, { id: 'group:other', name: 'Other', members: ['b', 'c'] }));
    const open = planReplace(other, doc, 'Open view.json');
    const opened = applyChange(other, open);
    expect([...(opened.groups?.keys() ?? [])]).toEqual(['group:clan']);
    expect([...(applyChange(opened, invertChange(open)).groups?.keys() ?? [])]).toEqual(['group:other']);
  });
});
