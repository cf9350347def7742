import type { ChangeProposal } from './operations.ts';
import { modelWord } from '../i18n/model-words.ts';

/** "Person p-9" or "PAID r-4": the label or type the change creates, then its id (the change is JSON). */
export function changeTitle(change: ChangeProposal['change']): string {
  const text = (key: string) => (typeof change[key] === 'string' ? change[key] : '');
  const kind = change['op'] === 'createRelationship' ? text('type') : text('label');
  return `${modelWord(kind)} ${text('id')}`;
}
