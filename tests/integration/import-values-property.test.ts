/**
 * Property: a generated import statement stores on the embedded store what it means in
 * Neo4j 5. Variable names and map keys are drawn from Kùzu / Cypher keywords in mixed case
 * (Case, end, order, desc, table, all, group) and random identifiers; values are strings
 * written with every escape Neo4j knows (and \U, which it keeps as written), integers near
 * ±2^53 and ±2^63, floats, booleans and lists. The oracle is computed here from the
 * generated value, never read from a store: a string means its decoded characters, an
 * integer within ±(2^53 - 1) and a float mean their number, an integer past that is refused
 * at validation with its line and column (value-check.ts says why).
 * Runs through runImport on the process store production uses; numRuns keeps it under 60 s.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../server/src/import/run-import.ts';
import { KuzuProcessStore } from '../../server/src/store/kuzu/process/KuzuProcessStore.ts';
import { tempDataDir } from './import-helpers.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const meta = { user: 'import-values-property', operation: 'importCypher' };

/** Words Neo4j will not take as a bare variable or key; keywords it does take stay in. */
const REFUSED_BARE = new Set(
  'as in or is by on and not xor null true false with where set match create merge unwind return delete remove call yield union when then else optional detach distinct limit skip'.split(
    ' ',
  ),
);
const KEYWORDS = ['Case', 'end', 'order', 'desc', 'table', 'all', 'group', 'CASE', 'End', 'ORDER', 'Desc', 'TABLE'];
const name = fc.oneof(
  fc.constantFrom(...KEYWORDS, ...KEYWORDS.map((k) => k.toLowerCase())),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/).filter((n) => !REFUSED_BARE.has(n.toLowerCase())),
);
/** `count` distinct names, apart as Neo4j tells them apart: by case too. */
const names = (count: number): fc.Arbitrary<string[]> =>
  fc.uniqueArray(name, { minLength: count, maxLength: count, selector: (n) => n });

interface Written<T> {
  readonly text: string;
  readonly value: T;
}

const hex = (n: number, width: number): string => n.toString(16).toUpperCase().padStart(width, '0');
const piece: fc.Arbitrary<Written<string>> = fc.oneof(
  fc
    .constantFrom('a', 'Z', 'é', '😀', ' ', '"', ';', '/*', '//', '`', '$', '{', '}', '%')
    .map((c) => ({ text: c, value: c })),
  fc
    .constantFrom<[string, string]>(
      ['\\n', '\n'],
      ['\\t', '\t'],
      ['\\r', '\r'],
      ['\\b', '\b'],
      ['\\f', '\f'],
      ['\\\\', '\\'],
      ["\\'", "'"],
      ['\\"', '"'],
    )
    .map(([text, value]) => ({ text, value })),
  fc
    .integer({ min: 0x20, max: 0xd7ff })
    .map((code) => ({ text: `\\u${hex(code, 4)}`, value: String.fromCharCode(code) })),
  // Neo4j 5.26 keeps \U and its digits as written (an escape it does not know).
  fc.integer({ min: 0, max: 0x10ffff }).map((code) => ({ text: `\\U${hex(code, 8)}`, value: `\\U${hex(code, 8)}` })),
);
const string: fc.Arbitrary<Written<string>> = fc
  .array(piece, { maxLength: 8 })
  .map((pieces) => ({ text: `'${pieces.map((p) => p.text).join('')}'`, value: pieces.map((p) => p.value).join('') }));

type NumberMeaning = { readonly stored: number } | { readonly refused: true };
const TWO_53 = 2n ** 53n;
const TWO_63 = 2n ** 63n;
const near = (centre: bigint): fc.Arbitrary<bigint> => fc.bigInt({ min: centre - 4n, max: centre + 3n });
const integer: fc.Arbitrary<Written<NumberMeaning>> = fc
  .oneof(near(TWO_53), near(-TWO_53), near(TWO_63 - 4n), near(-TWO_63 + 4n), fc.bigInt({ min: -1000n, max: 1000n }))
  .map((n) => ({
    text: String(n),
    value: n >= -(TWO_53 - 1n) && n <= TWO_53 - 1n ? { stored: Number(n) } : { refused: true },
  }));
const float: fc.Arbitrary<Written<NumberMeaning>> = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => !Object.is(x, -0))
  .chain((x) =>
    fc.boolean().map((plus) => {
      const text = String(x);
      // Written the ways Neo4j reads a float: 50.0, 2.5e-7, 1e+21 or 1e21.
      const written = text.includes('e')
        ? plus
          ? text
          : text.replace('e+', 'e')
        : Number.isInteger(x)
          ? `${text}.0`
          : text;
      return { text: written, value: { stored: x } };
    }),
  );

interface Statement {
  readonly script: string;
  /** Where the first refused value starts in the script, when the statement must be refused. */
  readonly refusedAt?: number;
  /** id -> what is stored for it. */
  readonly expected: ReadonlyMap<string, Record<string, unknown>>;
}

let nextId = 0;
const freshId = (): string => `pb${++nextId}`;

/** `CREATE (v:Event {...}) SET v.kind = ...` and `CREATE (w:Informant {..., active: bool})`. */
const inline: fc.Arbitrary<Statement> = fc
  .record({ vars: names(2), name: string, kind: string, count: fc.oneof(integer, float), active: fc.boolean() })
  .map(({ vars: [v, w], name: n, kind, count, active }) => {
    const [id, informant] = [freshId(), freshId()];
    const head = `CREATE (${v}:Event {id: '${id}', name: ${n.text}, count: `;
    const script = `${head}${count.text}}) SET ${v}.kind = ${kind.text}\nCREATE (${w}:Informant {id: '${informant}', name: 'i', active: ${active}})`;
    const stored = 'stored' in count.value ? count.value.stored : undefined;
    return {
      script,
      ...(stored === undefined ? { refusedAt: head.length } : {}),
      expected: new Map([
        [id, { name: n.value, count: stored, kind: kind.value }],
        [informant, { name: 'i', active }],
      ]),
    };
  });

/** `UNWIND [{k1: id, k2: name, k3: [aliases], k4: number}, ...] AS row CREATE (v:Event {...})`, keys from keywords. */
const unwound: fc.Arbitrary<Statement> = fc
  .record({
    vars: names(2),
    keys: names(4),
    rows: fc.array(
      fc.record({
        name: string,
        aliases: fc.array(string, { minLength: 1, maxLength: 3 }),
        count: fc.oneof(integer, float),
      }),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
  })
  .map(({ vars: [row, v], keys: [kId, kName, kAliases, kCount], rows }) => {
    const ids = rows.map(() => freshId());
    let script = 'UNWIND [';
    let refusedAt: number | undefined;
    rows.forEach((r, i) => {
      script += `${i > 0 ? ', ' : ''}{${kId}: '${ids[i]}', ${kName}: ${r.name.text}, ${kAliases}: [${r.aliases.map((a) => a.text).join(', ')}], ${kCount}: `;
      if ('refused' in r.count.value) refusedAt ??= script.length;
      script += `${r.count.text}}`;
    });
    script += `] AS ${row} CREATE (${v}:Event {id: ${row}.${kId}, name: ${row}.${kName}, aliases: ${row}.${kAliases}, count: ${row}.${kCount}})`;
    const expected = new Map(
      rows.map((r, i) => [
        ids[i] as string,
        {
          name: r.name.value,
          aliases: r.aliases.map((a) => a.value),
          count: 'stored' in r.count.value ? r.count.value.stored : undefined,
        },
      ]),
    );
    return { script, ...(refusedAt === undefined ? {} : { refusedAt }), expected };
  });

describe('a generated statement stores what it means', () => {
  let store: KuzuProcessStore;
  beforeAll(async () => {
    store = new KuzuProcessStore({ logger: quietLogger, dataDir: tempDataDir(), queryTimeoutMs: 60_000 });
    await store.ensureSchema();
  });
  afterAll(async () => {
    await store.close();
  });

  it('keeps names, escapes and numbers as Neo4j reads them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(inline, unwound), async (statement) => {
        const report = await runImport(store, { script: statement.script, dryRun: false, meta });
        const ids = [...statement.expected.keys()];
        const entities = await store.getEntities(ids, meta);
        if (statement.refusedAt !== undefined) {
          expect(report.ok, statement.script).toBe(false);
          expect(report.errors[0], statement.script).toMatchObject({ line: 1, column: statement.refusedAt + 1 });
          expect(entities).toEqual([]);
          return;
        }
        expect(report.errors, statement.script).toEqual([]);
        const stored = Object.fromEntries(entities.map((e) => [e.id, { name: e.name, ...e.properties }]));
        const expected = Object.fromEntries(
          [...statement.expected].map(([id, props]) => [
            id,
            Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)),
          ]),
        );
        expect(stored, statement.script).toEqual(expected);
      }),
      { numRuns: 25, endOnFailure: true },
    );
  }, 120_000);
});
