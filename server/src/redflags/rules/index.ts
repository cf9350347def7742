import type { Rule } from '../rule.ts';
import type { RuleId } from '../types.ts';
import { informantPaidInKind } from './informant-paid-in-kind.ts';
import { intimidationOfOfficial } from './intimidation-of-official.ts';
import { lookupBeforeEscape } from './lookup-before-escape.ts';
import { officialCriminalTie } from './official-criminal-tie.ts';
import { paidLookup } from './paid-lookup.ts';
import { shipmentDiscrepancy } from './shipment-discrepancy.ts';
import { unassignedLookup } from './unassigned-lookup.ts';

export const RULES: Readonly<Record<RuleId, Rule>> = {
  'official-criminal-tie': officialCriminalTie,
  'paid-lookup': paidLookup,
  'unassigned-lookup': unassignedLookup,
  'lookup-before-escape': lookupBeforeEscape,
  'shipment-discrepancy': shipmentDiscrepancy,
  'informant-paid-in-kind': informantPaidInKind,
  'intimidation-of-official': intimidationOfOfficial,
};
