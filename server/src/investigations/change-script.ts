/**
 * A proposed change as an import script in the admin dialect, so that it passes
 * the very checks an import file does (sandbox, Neo4j's parser, the model) and is
 * applied by the same all-or-nothing import. Values are written as literals with
 * quotes escaped; keys and labels are checked here before they become text, and
 * the import's model check refuses any key the model does not know.
 */
import { UserInputError } from '../errors.ts';
import type { NodeLabel, RelType } from '../model/index.ts';
import type { NewDocument } from './records.ts';

type Value = string | number | boolean | readonly string[];
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function literal(key: string, value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return `[${value.map(quote).join(', ')}]`;
  throw new UserInputError(`${key} must be a string, a number, true/false or a list of strings.`, {
    argument: 'change',
  });
}

function mapLiteral(props: Readonly<Record<string, unknown>>): string {
  const entries = Object.entries(props).filter(([, v]) => v !== undefined && v !== null);
  for (const [key] of entries) {
    if (!KEY.test(key))
      throw new UserInputError(`${JSON.stringify(key)} is not a property name.`, { argument: 'change' });
  }
  return `{${entries.map(([key, value]) => `\`${key}\`: ${literal(key, value)}`).join(', ')}}`;
}

export function documentStatement(doc: NewDocument): string {
  const props: Record<string, Value | undefined> = {
    id: doc.id,
    name: doc.title,
    title: doc.title,
    publisher: doc.publisher,
    url: doc.url,
    publishedAt: doc.publishedAt,
  };
  return `CREATE (:\`Document\` ${mapLiteral(props)});`;
}

export function entityStatement(label: NodeLabel, props: Readonly<Record<string, unknown>>): string {
  return `CREATE (:\`${label}\` ${mapLiteral(props)});`;
}

export function relationshipStatement(input: {
  type: RelType;
  from: { id: string; label: NodeLabel };
  to: { id: string; label: NodeLabel };
  props: Readonly<Record<string, unknown>>;
}): string {
  const { type, from, to, props } = input;
  return (
    `MATCH (a:\`${from.label}\` {id: ${quote(from.id)}}), (b:\`${to.label}\` {id: ${quote(to.id)}}) ` +
    `CREATE (a)-[:\`${type}\` ${mapLiteral(props)}]->(b);`
  );
}
