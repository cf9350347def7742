/**
 * findRedFlags over a port that serves a generated network from memory: fetching only what
 * the rules read must give exactly the flags of the rules run on the whole graph, and the
 * scope's hidden types must never be asked for.
 */
import { describe, expect, it } from 'vitest';
import type { RelType } from '../model/index.ts';
import { generateNetwork } from '../generator/generate.ts';
import type { GraphStore } from '../store/GraphStore.ts';
import type { RelationshipScan } from '../store/ports/GraphReads.ts';
import type { EntityRecord, RelationshipRecord } from '../model/records.ts';
import { evaluateRules } from './evaluate.ts';
import { findRedFlags } from './find-red-flags.ts';
import { RuleGraph } from './RuleGraph.ts';
import { RULE_IDS } from './types.ts';
import { quietLogger } from '../../../tests/support/quiet-logger.ts';

function network() {
  const entities: EntityRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  generateNetwork({
    people: 250,
    seed: 21,
    sink: () => undefined,
    listener: {
      node: (label, { id, name, sources, ...properties }) =>
        entities.push({ id: String(id), label, name: String(name), properties, sources: sources as string[] }),
      rel: (type, source, target, { id, sources, ...properties }) =>
        relationships.push({ id: String(id), type, source, target, properties, sources: sources as string[] }),
    },
  });
  return { entities, relationships };
}

/** The two reads findRedFlags uses, served from memory; it records what was asked. */
function memoryPort(data: ReturnType<typeof network>) {
  const scanned: RelType[][] = [];
  const fetched: string[] = [];
  const byId = new Map(data.entities.map((e) => [e.id, e]));
  const port = {
    async scanRelationships(scan: RelationshipScan, scope: { hiddenRelTypes: readonly RelType[] }) {
      scanned.push([...scan.types]);
      const types = scan.types.filter((t) => !scope.hiddenRelTypes.includes(t));
      const relationships = data.relationships.filter((r) => types.includes(r.type));
      return { relationships: relationships.slice(0, scan.limit), truncated: relationships.length > scan.limit };
    },
    async getEntities(ids: readonly string[]) {
      fetched.push(...ids);
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
  return { store: port as unknown as GraphStore, scanned, fetched };
}

describe('findRedFlags through the store port', () => {
  const data = network();
  const meta = { user: 'test', operation: 'redFlags' };

  it('gives the same flags as the rules on the whole graph, fetching fewer entities', async () => {
    const port = memoryPort(data);
    const flags = await findRedFlags(
      { logger: quietLogger, store: port.store, scope: { hiddenRelTypes: [] }, meta },
      { limit: 10_000 },
    );
    const expected = evaluateRules(new RuleGraph(data.relationships, data.entities), [...RULE_IDS]);
    expect(flags.map((f) => f.summary)).toEqual(expected.map((f) => f.summary));
    expect(flags).toEqual(expected);
    expect(new Set(port.fetched).size).toBeLessThan(data.entities.length);
  });

  it('never asks for a hidden relationship type', async () => {
    const port = memoryPort(data);
    await findRedFlags(
      { logger: quietLogger, store: port.store, scope: { hiddenRelTypes: ['IDENTIFIES_AS'] }, meta },
      { limit: 10 },
    );
    expect(port.scanned.flat()).not.toContain('IDENTIFIES_AS');
    expect(port.scanned.flat()).toContain('PAID');
  });

  it('reads only the types the chosen rules need', async () => {
    const port = memoryPort(data);
    const flags = await findRedFlags(
      { logger: quietLogger, store: port.store, scope: { hiddenRelTypes: [] }, meta },
      { rules: ['shipment-discrepancy'], limit: 10 },
    );
    expect(port.scanned).toEqual([['MONITORED']]);
    expect(flags.every((f) => f.rule === 'shipment-discrepancy')).toBe(true);
  });
});
