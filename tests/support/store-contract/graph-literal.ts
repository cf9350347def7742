/**
 * Small graphs written edge by edge, as import statements: every node a Person named by its
 * id (an Informant when it is the source of IDENTIFIES_AS, as the model requires), and the
 * relationships numbered r1, r2… in the order given. A prefix keeps several graphs apart in
 * one store; `unprefixed` reads an id back as the test wrote it.
 */
import type { RelType } from '../../../server/src/model/index.ts';

export interface GraphLiteral {
  readonly prefix: string;
  edge(source: string, target: string, type?: RelType): GraphLiteral;
  node(id: string): GraphLiteral;
  /** The import statements that create it. */
  statements(): string[];
  id(local: string): string;
}

export const unprefixed = (id: string): string => id.slice(id.indexOf(':') + 1);

export function graphLiteral(prefix: string): GraphLiteral {
  const nodes = new Map<string, 'Person' | 'Informant'>();
  const edges: Array<{ source: string; target: string; type: RelType }> = [];
  const literal: GraphLiteral = {
    prefix,
    id: (local) => `${prefix}:${local}`,
    node(id) {
      if (!nodes.has(id)) nodes.set(id, 'Person');
      return literal;
    },
    edge(source, target, type = 'ASSOCIATE_OF') {
      literal.node(source).node(target);
      if (type === 'IDENTIFIES_AS') nodes.set(source, 'Informant');
      edges.push({ source, target, type });
      return literal;
    },
    statements() {
      const creates = [...nodes].map(([id, label]) =>
        label === 'Informant'
          ? `CREATE (:Informant {id: '${literal.id(id)}', name: '${id}', codename: '${id}'})`
          : `CREATE (:Person {id: '${literal.id(id)}', name: '${id}'})`,
      );
      const links = edges.map(
        ({ source, target, type }, i) =>
          `MATCH (a:${nodes.get(source)} {id: '${literal.id(source)}'}), (b:${nodes.get(target)} {id: '${literal.id(target)}'}) ` +
          `CREATE (a)-[:${type} {id: '${literal.id(`r${i + 1}`)}'}]->(b)`,
      );
      return [...creates, ...links];
    },
  };
  return literal;
}
