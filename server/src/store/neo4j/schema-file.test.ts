import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS } from '../../model/index.ts';
import { renderSchemaFile, schemaStatements } from './schema-statements.ts';

const schemaFile = fileURLToPath(new URL('../../../../cypher/schema.cypher', import.meta.url));

describe('cypher/schema.cypher', () => {
  it('is what the model generates today (run: npx tsx scripts/generate-neo4j-schema.ts)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(renderSchemaFile());
  });

  it('has an id uniqueness constraint for every model label and a search index covering them all', () => {
    const statements = schemaStatements();
    for (const label of NODE_LABELS) {
      expect(statements).toContainEqual(expect.stringContaining(`FOR (n:${label}) REQUIRE n.id IS UNIQUE`));
    }
    const index = statements.find((s) => s.startsWith('CREATE FULLTEXT INDEX'));
    expect(index).toContain(`FOR (n:${NODE_LABELS.join('|')}) ON EACH [n.name, n.aliases, n.description]`);
    expect(index).toContain('standard-folding');
  });

  it('keys the adapter-owned user and audit nodes', () => {
    const statements = schemaStatements().join('\n');
    expect(statements).toContain('FOR (n:MaillonUser) REQUIRE n.username IS UNIQUE');
    expect(statements).toContain('FOR (n:MaillonAudit) REQUIRE n.seq IS UNIQUE');
  });
});
