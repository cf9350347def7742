/**
 * The two reads of a streamed file: the second runs exactly the statements the first
 * validated, normalised as validateScript normalises them, and stops at the first
 * statement that is not the one validated, before handing it on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportStatement } from '../store/ports/GraphImport.ts';
import { validateScript } from './pipeline.ts';
import { ScriptChangedError } from './run-failure.ts';
import { streamStatements, validateStream, type ScriptSource } from './stream.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/import');

/** The text in chunks of `size` characters, as a file read in pieces would come. */
async function* chunks(text: string, size = 7): ScriptSource {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function collect(statements: AsyncIterable<ImportStatement>): Promise<ImportStatement[]> {
  const out: ImportStatement[] = [];
  for await (const statement of statements) out.push(statement);
  return out;
}

async function twoReads(first: string, second: string): Promise<ImportStatement[]> {
  const validated = await validateStream(chunks(first));
  expect(validated.findings.filter((f) => f.severity === 'error')).toEqual([]);
  return collect(
    streamStatements({
      source: chunks(second),
      sha256: validated.sha256,
      fingerprints: validated.fingerprints,
      name: 'f',
    }),
  );
}

describe('streamStatements', { timeout: 60_000 }, () => {
  const valid = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.valid.cypher'));

  it.each(valid)('runs what validateScript would run for %s', async (file) => {
    const script = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
    expect(await twoReads(script, script)).toEqual(validateScript(script).statements);
  });

  it('stops at a statement that changed since it was validated, before handing it on', async () => {
    const first = "CREATE (:Person {id: 'a', name: 'A'});\nCREATE (:Person {id: 'b', name: 'B'});\n";
    // Valid too: before fingerprints it ran, and only the digest at the end refused the file.
    const second = "CREATE (:Person {id: 'a', name: 'A'});\nCREATE (:Person {id: 'c', name: 'C'});\n";
    const seen: string[] = [];
    const validated = await validateStream(chunks(first));
    const run = async (): Promise<void> => {
      const stream = streamStatements({
        source: chunks(second),
        sha256: validated.sha256,
        fingerprints: validated.fingerprints,
        name: 'f.cypher',
      });
      for await (const statement of stream) seen.push(statement.cypher);
    };
    await expect(run()).rejects.toBeInstanceOf(ScriptChangedError);
    expect(seen).toEqual(["CREATE (:Person {id: 'a', name: 'A'})"]);
  });

  it('refuses a file that grew a statement after it was validated', async () => {
    const first = "CREATE (:Person {id: 'a', name: 'A'});\n";
    await expect(twoReads(first, `${first}CREATE (:Person {id: 'b', name: 'B'});\n`)).rejects.toBeInstanceOf(
      ScriptChangedError,
    );
  });
});
