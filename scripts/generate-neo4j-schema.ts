/**
 * Writes cypher/schema.cypher from the model. Run: npx tsx scripts/generate-neo4j-schema.ts
 * (the unit test server/src/store/neo4j/schema-file.test.ts fails until it is re-run after a model change).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemaFile } from '../server/src/store/neo4j/schema-statements.ts';

const target = fileURLToPath(new URL('../cypher/schema.cypher', import.meta.url));
writeFileSync(target, renderSchemaFile());
console.log(`Wrote ${target}`);
