/** Small helpers so every summary states dates and amounts the same way. */
import { dateOnly } from './dates.ts';
import { numberOf } from './RuleGraph.ts';

export const onDate = (iso: string | undefined): string =>
  iso === undefined ? 'on an unknown date' : `on ${dateOnly(iso)}`;

export function formatKg(kg: number): string {
  return `${Number.isInteger(kg) ? kg : kg.toFixed(1)} kg`;
}

/** "EUR 100", "EUR 50–100", "4 kg of drugs" or "an unstated amount", from PAID properties. */
export function paymentAmount(properties: Readonly<Record<string, unknown>>): string {
  const kg = numberOf(properties.kg);
  const amount = numberOf(properties.amount);
  const amountMax = numberOf(properties.amountMax);
  const currency = typeof properties.currency === 'string' ? properties.currency : '';
  const parts: string[] = [];
  if (amount !== undefined) {
    const range = amountMax !== undefined && amountMax !== amount ? `${amount}–${amountMax}` : `${amount}`;
    parts.push(`${currency} ${range}`.trim());
  }
  if (kg !== undefined) parts.push(`${formatKg(kg)} of drugs`);
  if (parts.length === 0 && properties.method === 'drugs') return 'drugs';
  return parts.length === 0 ? 'an unstated amount' : parts.join(' and ');
}
