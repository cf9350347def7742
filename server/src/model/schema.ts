/**
 * The graph model, once. Everything that needs to know a label, a relationship
 * type or a property derives it from here: the Kùzu DDL, cypher/schema.cypher,
 * the allow-lists that keep user strings out of Cypher, import validation and
 * the client's styling. The names are a contract (see MODEL.md): add, never rename.
 *
 * This module imports nothing so that the client can share it.
 */

/** Value types a property may hold. Dates travel as ISO strings ("2024-03-22" or a full datetime). */
export type PropertyType = 'string' | 'string[]' | 'number' | 'boolean' | 'date';

export interface PropertySpec {
  readonly type: PropertyType;
  /** Closed vocabulary, when the model fixes one. */
  readonly values?: readonly string[];
}

const str: PropertySpec = { type: 'string' };
const strList: PropertySpec = { type: 'string[]' };
const num: PropertySpec = { type: 'number' };
const bool: PropertySpec = { type: 'boolean' };
const date: PropertySpec = { type: 'date' };
const oneOf = (...values: string[]): PropertySpec => ({ type: 'string', values });

export const NODE_LABELS = [
  'Person',
  'Organization',
  'Agency',
  'Informant',
  'Shipment',
  'Case',
  'Location',
  'Record',
  'Event',
  'Document',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

export const REL_TYPES = [
  'MEMBER_OF',
  'EMPLOYED_BY',
  'ASSOCIATE_OF',
  'FAMILY_OF',
  'PAID',
  'HANDLES',
  'IDENTIFIES_AS',
  'REPORTED_ON',
  'ORGANIZED',
  'MONITORED',
  'SHIPPED_FROM',
  'SHIPPED_TO',
  'CONSULTED',
  'CONCERNS',
  'LEAKED_TO',
  'INVESTIGATES',
  'ASSIGNED_TO',
  'SUBJECT_OF',
  'THREATENED',
  'INVOLVED_IN',
  'OCCURRED_AT',
  'BASED_IN',
] as const;
export type RelType = (typeof REL_TYPES)[number];

/**
 * Properties every node has. `id` is the stable key (never a database-internal id),
 * `name` the caption, `sources` the Document ids backing the node. `aliases` and
 * `description` are on every label so that full-text search and the details panel
 * treat all labels alike.
 */
export const COMMON_NODE_PROPERTIES = {
  id: str,
  name: str,
  sources: strList,
  aliases: strList,
  description: str,
  /** Admiralty grading of the source and the information (A–F × 1–6, e.g. "B2"), for facts added from the explorer. */
  grading: str,
} as const satisfies Record<string, PropertySpec>;

/** Properties any relationship may carry: provenance and time bounds (states vs one-off facts). */
export const COMMON_REL_PROPERTIES = {
  id: str,
  sources: strList,
  since: date,
  until: date,
  at: date,
  notes: str,
  /** Admiralty grading (A–F × 1–6, e.g. "B2"), for facts added from the explorer. */
  grading: str,
} as const satisfies Record<string, PropertySpec>;

export interface NodeSpec {
  readonly description: string;
  readonly properties: Readonly<Record<string, PropertySpec>>;
}

export const NODE_SPECS: Readonly<Record<NodeLabel, NodeSpec>> = {
  Person: {
    description: 'any human being',
    properties: { birthDate: date, nationality: str, notes: str, occupation: str },
  },
  Organization: {
    description: 'a criminal group, a front company, any non-state body',
    properties: { kind: oneOf('criminal', 'company', 'other'), country: str, annualTurnoverEur: num },
  },
  Agency: {
    description: 'a public body',
    properties: {
      kind: oneOf('police', 'gendarmerie', 'customs', 'judiciary', 'oversight', 'prison', 'foreign', 'legislature'),
      country: str,
      staffWithFileAccess: num,
    },
  },
  Informant: {
    description: 'a registered human source, known by codename',
    properties: { codename: str, reliability: oneOf('A', 'B', 'C', 'D', 'E', 'F'), active: bool },
  },
  Shipment: {
    description: 'a consignment of drugs or goods',
    properties: {
      commodity: str,
      declaredKg: num,
      actualKg: num,
      seizedKg: num,
      concealment: str,
      departedAt: date,
      arrivedAt: date,
    },
  },
  Case: {
    description: 'an investigation or judicial case',
    properties: {
      kind: oneOf('police', 'judicial', 'internal-affairs', 'parliamentary'),
      status: oneOf('open', 'closed'),
      opened: date,
      closed: date,
    },
  },
  Location: {
    description: 'a city, port, border crossing, country, address',
    properties: { kind: str, country: str, lat: num, lon: num },
  },
  Record: {
    description: 'an entry in a police, customs or prison file that officers can consult',
    properties: { system: str, kind: str },
  },
  Event: {
    description: 'something that happened at a time',
    // amount/amountMax/currency: a price observed without a known payer (e.g. 50-100 EUR per file lookup).
    properties: {
      kind: str,
      at: date,
      outcome: str,
      count: num,
      year: num,
      amount: num,
      amountMax: num,
      currency: str,
    },
  },
  Document: {
    description: 'a source: article, report, court file, intercept',
    properties: { title: str, publisher: str, url: str, publishedAt: date, author: str },
  },
};

export interface RelSpec {
  /** Allowed (from, to) label pairs. */
  readonly endpoints: ReadonlyArray<readonly [NodeLabel, NodeLabel]>;
  readonly properties: Readonly<Record<string, PropertySpec>>;
  /** Visible only to users with informant clearance. */
  readonly restricted?: boolean;
}

const pairs = (from: readonly NodeLabel[], to: readonly NodeLabel[]): Array<[NodeLabel, NodeLabel]> =>
  from.flatMap((f) => to.map((t): [NodeLabel, NodeLabel] => [f, t]));

export const REL_SPECS: Readonly<Record<RelType, RelSpec>> = {
  MEMBER_OF: { endpoints: pairs(['Person'], ['Organization']), properties: { role: str } },
  EMPLOYED_BY: { endpoints: pairs(['Person'], ['Agency']), properties: { rank: str, unit: str } },
  ASSOCIATE_OF: { endpoints: pairs(['Person'], ['Person']), properties: { context: str } },
  FAMILY_OF: { endpoints: pairs(['Person'], ['Person']), properties: { relation: str } },
  PAID: {
    // Agency as payer: a unit paying its informants (in cash or, as in the 360 kg affair, in kind).
    endpoints: pairs(['Person', 'Organization', 'Agency'], ['Person', 'Informant']),
    properties: {
      amount: num,
      amountMax: num,
      currency: str,
      method: oneOf('cash', 'transfer', 'crypto', 'drugs'),
      kg: num,
      purpose: str,
    },
  },
  HANDLES: { endpoints: pairs(['Person'], ['Informant']), properties: {} },
  IDENTIFIES_AS: { endpoints: pairs(['Informant'], ['Person']), properties: {}, restricted: true },
  REPORTED_ON: {
    endpoints: pairs(['Informant'], ['Person', 'Organization', 'Shipment']),
    properties: { reliability: str },
  },
  ORGANIZED: {
    endpoints: pairs(['Person', 'Organization'], ['Shipment']),
    properties: { role: oneOf('exporter', 'importer', 'broker', 'transporter') },
  },
  MONITORED: { endpoints: pairs(['Agency'], ['Shipment']), properties: { declaredKg: num, declaredKgMax: num } },
  SHIPPED_FROM: { endpoints: pairs(['Shipment'], ['Location']), properties: {} },
  SHIPPED_TO: { endpoints: pairs(['Shipment'], ['Location']), properties: {} },
  CONSULTED: { endpoints: pairs(['Person'], ['Record']), properties: { purpose: str } },
  CONCERNS: { endpoints: pairs(['Record'], ['Person', 'Organization', 'Shipment']), properties: {} },
  LEAKED_TO: { endpoints: pairs(['Person'], ['Person', 'Organization']), properties: { channel: str } },
  INVESTIGATES: { endpoints: pairs(['Agency'], ['Case']), properties: {} },
  ASSIGNED_TO: { endpoints: pairs(['Person'], ['Case']), properties: {} },
  SUBJECT_OF: {
    endpoints: pairs(['Person', 'Organization'], ['Case']),
    properties: { status: oneOf('suspect', 'indicted', 'convicted', 'witness', 'cleared'), charges: strList },
  },
  THREATENED: { endpoints: pairs(['Person', 'Organization'], ['Person']), properties: { means: str } },
  INVOLVED_IN: {
    // Informant as a participant lets an event (e.g. payment in kind) be tied to a codename without an identity.
    endpoints: pairs(['Person', 'Organization', 'Shipment', 'Agency', 'Informant'], ['Event']),
    properties: { role: str },
  },
  OCCURRED_AT: { endpoints: pairs(['Event'], ['Location']), properties: {} },
  BASED_IN: { endpoints: pairs(['Person', 'Organization', 'Agency'], ['Location']), properties: {} },
};

/** Relationship types hidden from users without informant clearance. */
export const RESTRICTED_REL_TYPES: readonly RelType[] = REL_TYPES.filter((t) => REL_SPECS[t].restricted === true);

/** Statuses that are allegations until a conviction: the interface must say so. */
export const ALLEGED_STATUSES = ['suspect', 'indicted'] as const;
