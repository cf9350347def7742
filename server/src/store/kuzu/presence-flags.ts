/**
 * `SET n += row` over UNWIND rows that do not all name the same keys. Neo4j removes a
 * property a row gives as null and keeps one a row leaves out; Kùzu needs every row of
 * a list to hold the same keys (kuzu-literal.ts), so both arrive as null. Each key some
 * rows leave out gets a flag in every row saying whether the row wrote it, and the SET
 * item keeps the old value only where the flag says the key was left out.
 */
import type { Literal } from '../../cypher/literals.ts';
import type { RowSources } from '../../cypher/rows.ts';
import { isKeyword, isPunct, nameOf, type Token } from '../../cypher/tokens.ts';

type MapLiteral = Extract<Literal, { kind: 'map' }>;

/** Per row list (by identity) the flag key of each key that some rows leave out. */
export type PresenceFlags = ReadonlyMap<readonly Literal[], ReadonlyMap<string, string>>;

/** The rows unwound into a variable that a `SET v += name` item reads whole. */
export function presenceFlags(tokens: readonly Token[], rows: RowSources): PresenceFlags {
  const flags = new Map<readonly Literal[], Map<string, string>>();
  for (let i = 2; i < tokens.length; i++) {
    if (!isPunct(tokens[i - 1], '+=') || !(isKeyword(tokens[i - 3], 'SET') || isPunct(tokens[i - 3], ','))) continue;
    const items = rows.get(nameOf(tokens[i]) ?? '');
    if (items === undefined || flags.has(items) || isPunct(tokens[i + 1], '.')) continue;
    const maps = items.filter((item): item is MapLiteral => item.kind === 'map');
    const keys = new Set(maps.flatMap((m) => m.entries.map((e) => e.key)));
    const partial = [...keys].filter((key) => !maps.every((m) => m.entries.some((e) => e.key === key)));
    if (partial.length === 0) continue;
    const flagOf = (key: string): string => {
      let flag = `maillon_wrote_${key}`;
      while (keys.has(flag)) flag = `_${flag}`;
      return flag;
    };
    flags.set(items, new Map(partial.map((key) => [key, flagOf(key)])));
  }
  return flags;
}

/**
 * The list with each map given its flags: 1 where the row names the key, 0 where not. Integers,
 * not booleans: Kùzu 0.11.3 answers "bad_function_call" to `CASE WHEN row.flag THEN ...` on a
 * boolean struct field next to a MATCH (measured), and not to `CASE WHEN row.flag = 1`.
 */
export function withFlags(list: Literal, flags: PresenceFlags): Literal {
  if (list.kind !== 'list') return list;
  const keys = flags.get(list.items);
  if (keys === undefined) return list;
  const items = list.items.map((item): Literal => {
    if (item.kind !== 'map') return item;
    const span = { firstToken: item.firstToken, lastToken: item.firstToken, offset: item.offset };
    const added = [...keys].map(([key, flag]) => ({
      key: flag,
      keyOffset: item.offset,
      value: { ...span, kind: 'integer' as const, ...flagValue(item.entries.some((e) => e.key === key)) },
    }));
    return { ...item, entries: [...item.entries, ...added] };
  });
  return { ...list, items };
}

const flagValue = (wrote: boolean): { value: number; exact: bigint } =>
  wrote ? { value: 1, exact: 1n } : { value: 0, exact: 0n };
