import { describe, expect, it } from 'vitest';
import type { NodeLabel, RelType } from '../model/index.ts';
import { evaluateRules } from '../redflags/evaluate.ts';
import { RuleGraph } from '../redflags/RuleGraph.ts';
import { RULE_IDS } from '../redflags/types.ts';
import type { EntityRecord, RelationshipRecord } from '../model/records.ts';
import type { Props } from './CypherWriter.ts';
import { generateNetwork } from './generate.ts';
import { scoreFlags } from './score.ts';

/** Generates a network into memory: the Cypher text, and the graph it describes. */
function generateInMemory(people: number, seed: number) {
  const chunks: string[] = [];
  const entities: EntityRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  const result = generateNetwork({
    people,
    seed,
    sink: (text) => chunks.push(text),
    listener: {
      node(label: NodeLabel, { id, name, sources, ...properties }: Props) {
        entities.push({ id: String(id), label, name: String(name), properties, sources: sources as string[] });
      },
      rel(type: RelType, source: string, target: string, { id, sources, ...properties }: Props) {
        relationships.push({ id: String(id), type, source, target, properties, sources: sources as string[] });
      },
    },
  });
  return { text: chunks.join(''), entities, relationships, result };
}

describe('the synthetic network generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateInMemory(150, 3).text).toBe(generateInMemory(150, 3).text);
    expect(generateInMemory(150, 3).text).not.toBe(generateInMemory(150, 4).text);
  });

  it('plants every rule and gives every node a synthetic source', () => {
    const { entities, result } = generateInMemory(300, 11);
    for (const rule of RULE_IDS) expect(result.truth.planted[rule].length, rule).toBeGreaterThan(0);
    expect(entities.every((e) => e.sources.includes('doc-synthetic'))).toBe(true);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    expect(result.people).toBeGreaterThanOrEqual(300);
  });

  it('writes one statement per line, relationships only after the nodes they match', () => {
    const { text } = generateInMemory(200, 5);
    const created = new Set<string>();
    for (const line of text.split('\n').filter((l) => l.startsWith('UNWIND'))) {
      expect(line.endsWith(';')).toBe(true);
      const ids = [...line.matchAll(/\{id: '([^']+)'/g)].map((m) => m[1] as string);
      if (line.includes(' MATCH ')) {
        for (const m of line.matchAll(/\{a: '([^']+)', b: '([^']+)'/g)) {
          expect(created.has(m[1] as string) && created.has(m[2] as string)).toBe(true);
        }
      } else ids.forEach((id) => created.add(id));
    }
  });

  for (const seed of [1, 2, 3]) {
    it(`raises every planted pattern and no decoy (seed ${seed}, rules run in memory)`, () => {
      const { entities, relationships, result } = generateInMemory(400, seed);
      const flags = evaluateRules(new RuleGraph(relationships, entities), [...RULE_IDS]);
      const scores = scoreFlags(flags, result.truth, { cleared: true });
      for (const rule of RULE_IDS) {
        const score = scores[rule];
        expect({ rule, missed: score.missed, unexplained: score.unexplained, decoys: score.decoysRaised }).toEqual({
          rule,
          missed: [],
          unexplained: [],
          decoys: [],
        });
      }
    });
  }
});
