import { ApiError, plainMessage } from '../api/errors.ts';
import type { RedFlag } from '../api/types.ts';
import { messages } from '../i18n/current.ts';

/** Every rule with at least one flag, in the order the server ranked the flags. */
export function rulesIn(flags: readonly RedFlag[]): string[] {
  return [...new Set(flags.map((f) => f.rule))];
}

/** The flags of one rule ('all' keeps every flag), in the server's order. */
export function flagsForRule(flags: readonly RedFlag[], rule: string): RedFlag[] {
  return rule === 'all' ? [...flags] : flags.filter((f) => f.rule === rule);
}

/** The ids of a flag's evidence: its entities, then its relationships. */
export function evidenceIds(flag: RedFlag): string[] {
  return [...new Set([...flag.nodes.map((n) => n.id), ...flag.relationships.map((r) => r.id)])];
}

/** 'shipment-discrepancy' reads as 'Shipment discrepancy' (in the interface's language when it has the rule). */
export function ruleTitle(rule: string): string {
  const worded = messages().redFlags.rules[rule];
  if (worded) return worded;
  const words = rule.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The dates a flag spans, as one short phrase ('' when it has none). */
export function flagDates(flag: RedFlag): string {
  const first = flag.firstDate?.slice(0, 10);
  const last = flag.lastDate?.slice(0, 10);
  if (!first && !last) return '';
  if (!first || !last || first === last) return messages().time.day((first ?? last) as string);
  return messages().time.window(first, last);
}

/** Why the red flags could not be loaded, in plain words (viewers may not see them at all). */
export function redFlagsError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'FORBIDDEN') return messages().redFlags.investigatorOnly;
  return plainMessage(error, messages().actions.loadRedFlags);
}
