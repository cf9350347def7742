/**
 * Translates one Neo4j-dialect import statement into Kùzu's dialect.
 * Placeholder: the identity, until the import pipeline provides the real translation.
 */
export function translateToKuzu(cypher: string): string {
  return cypher;
}
