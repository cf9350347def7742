import { describe, expect, it } from 'vitest';
import { lintStatement } from './lint.ts';
import { tokenize } from '../cypher/tokens.ts';

const lint = (cypher: string) => lintStatement(tokenize(cypher)).filter((f) => f.severity === 'error');

describe('lintStatement', { timeout: 60_000 }, () => {
  it('points at the error in each statement, whatever names a shared skeleton replaced', () => {
    const person = "MATCH (a:Person {id: 'x'}) RETURN a.name, missing";
    const agency = "MATCH (a:`Agency` {country: 'FR', kind: 'police'}) RETURN a.kind, missing";
    expect(lint(person)).toEqual([expect.objectContaining({ offset: person.indexOf('missing') })]);
    expect(lint(agency)).toEqual([expect.objectContaining({ offset: agency.indexOf('missing') })]);
    expect(lint(agency)[0]?.message).toMatch(/missing/);
  });

  it('keeps values after a map key: a variable there is not a label', () => {
    expect(lint("UNWIND [{id: 'a'}] AS row CREATE (:Person {id: row.id})")).toEqual([]);
    expect(lint('CREATE (:Person {id: row.id})')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/row/) }),
    ]);
  });

  it('gives the names back in messages that mention them', () => {
    const [error] = lint('MATCH (n:Person) RETURN n.name AS x ORDER BY n.nationality, y');
    expect(error?.message).not.toMatch(/_[kl]\d/);
  });
});
