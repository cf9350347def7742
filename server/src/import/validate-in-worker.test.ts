import { describe, expect, it } from 'vitest';
import { validateScript } from './pipeline.ts';
import { validateScriptOffThread, WORKER_MIN_CHARS } from './validate-in-worker.ts';

/** Enough batches to pass the worker's threshold, one of them broken and one outside the model. */
function largeScript(): string {
  const rows = Array.from({ length: 200 }, (_, i) => `{id: 'w-${i}', name: 'Person ${i}'}`).join(', ');
  const batch = `UNWIND [${rows}] AS row CREATE (:Person {id: row.id, name: row.name});\n`;
  const statements: string[] = [];
  while (statements.join('').length < WORKER_MIN_CHARS) statements.push(batch);
  statements.splice(3, 0, "CREATE (:Ghost {id: 'g'});\n", 'CREATE (:Person {id: ;\n');
  return statements.join('');
}

describe('validateScriptOffThread', () => {
  it('validates a large script on a worker thread as validateScript does in place', async () => {
    const script = largeScript();
    expect(script.length).toBeGreaterThanOrEqual(WORKER_MIN_CHARS);
    const inPlace = validateScript(script, { hiddenRelTypes: [] });
    expect(inPlace.failedStatements).toBe(2);
    expect(await validateScriptOffThread(script, { hiddenRelTypes: [] })).toEqual(inPlace);
  }, 60_000);

  it('keeps the read scope: a hidden relationship type does not exist there either', async () => {
    const script = largeScript().replace(
      "CREATE (:Ghost {id: 'g'});",
      "MATCH (a:Informant {id: 'i'}), (b:Person {id: 'p'}) CREATE (a)-[:IDENTIFIES_AS]->(b);",
    );
    const hidden = await validateScriptOffThread(script, { hiddenRelTypes: ['IDENTIFIES_AS'] });
    expect(hidden.findings.some((f) => f.message.includes('IDENTIFIES_AS'))).toBe(true);
    expect(hidden).toEqual(validateScript(script, { hiddenRelTypes: ['IDENTIFIES_AS'] }));
  }, 60_000);
});
