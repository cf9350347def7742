/** What investigations add to the side panel: the Case tab, and a footer under the selection's details. */
import type { SideTab } from '../ui/SidePanel.tsx';
import { CasePanel } from './CasePanel.tsx';
import { FactDetails } from './FactDetails.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import { ReviewList } from './ReviewList.tsx';
import type { InvestigationHandle } from './use-investigation.ts';
import { messages } from '../i18n/current.ts';

interface CaseTabInput {
  readonly selection: readonly string[];
  readonly investigation: InvestigationHandle;
  readonly canPropose: boolean;
  readonly onProposed: (text: string) => void;
  readonly onError: (error: unknown) => void;
}

export function caseTab(input: CaseTabInput): SideTab {
  return {
    id: 'case',
    title: input.investigation.open ? messages().tabs.caseOpen : messages().tabs.case,
    render: () => (
      <>
        <CasePanel investigation={input.investigation} onError={input.onError} />
        {input.canPropose && <ReviewList onError={input.onError} />}
      </>
    ),
  };
}

export function factFooter(input: CaseTabInput) {
  const focused = input.selection[input.selection.length - 1];
  const ends = input.selection.length === 2 ? input.selection : [];
  return (
    <>
      {focused && (
        <FactDetails key={focused} targetId={focused} investigation={input.investigation} onError={input.onError} />
      )}
      {input.canPropose && (
        <ProposeForm key={ends.join('|')} ends={ends} onDone={input.onProposed} onError={input.onError} />
      )}
    </>
  );
}
