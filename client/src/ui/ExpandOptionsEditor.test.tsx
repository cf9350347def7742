// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ProposeForm } from '../investigations/ProposeForm.tsx';
import { ViewerContext, type Viewer } from '../session/viewer.ts';
import { RESTRICTED_REL_TYPES } from '../shared-model.ts';
import { ExpandOptionsEditor } from './ExpandOptionsEditor.tsx';

const UNCLEARED: Viewer = { informantClearance: false };
const CLEARED: Viewer = { informantClearance: true };

function expandOptionsAs(viewer: Viewer): string {
  render(
    <ViewerContext.Provider value={viewer}>
      <ExpandOptionsEditor value={{ relTypes: [], cap: 50 }} onChange={() => {}} />
    </ViewerContext.Provider>,
  );
  return document.body.textContent ?? '';
}

describe('relationship types offered in the interface', () => {
  afterEach(cleanup);

  it('offers no restricted type among the expand options to a viewer without clearance', () => {
    const text = expandOptionsAs(UNCLEARED);
    expect(text).toContain('ASSOCIATE_OF');
    for (const type of RESTRICTED_REL_TYPES) expect(text).not.toContain(type);
  });

  it('offers the restricted types to a cleared viewer', () => {
    const text = expandOptionsAs(CLEARED);
    for (const type of RESTRICTED_REL_TYPES) expect(text).toContain(type);
  });

  it('offers no restricted type in the proposal form to a viewer without clearance', () => {
    render(
      <ViewerContext.Provider value={UNCLEARED}>
        <ProposeForm ends={['a', 'b']} onDone={() => {}} onError={() => {}} />
      </ViewerContext.Provider>,
    );
    const options = screen.getAllByRole('option').map((o) => o.textContent ?? '');
    expect(options).toContain('ASSOCIATE_OF');
    for (const type of RESTRICTED_REL_TYPES) expect(options).not.toContain(type);
  });
});
