import type { Entity, Relationship } from '../api/types.ts';
import { NO_FILTERS, type Filters } from './filters.ts';
import type { GraphDoc } from './graph-doc.ts';
import { parseGroups } from './groups.ts';
import { messages } from '../i18n/current.ts';

const WORKSPACE_FORMAT = 'maillon-workspace';
const WORKSPACE_VERSION = 1;

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** A saved view: the graph, the investigator's choices, and where each node was drawn. */
export interface SavedWorkspace {
  readonly doc: GraphDoc;
  readonly filters: Filters;
  readonly positions: ReadonlyMap<string, Position>;
}

export function serialiseWorkspace(workspace: SavedWorkspace): string {
  const { doc, filters, positions } = workspace;
  return JSON.stringify({
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    nodes: [...doc.nodes.values()],
    relationships: [...doc.relationships.values()],
    hidden: [...doc.hidden],
    pinned: [...doc.pinned],
    omitted: Object.fromEntries(doc.omitted),
    positions: Object.fromEntries(positions),
    filters,
    // Optional within version 1: a reader that predates groups ignores them and draws the members.
    ...(doc.groups && doc.groups.size > 0 ? { groups: [...doc.groups.values()] } : {}),
  });
}

export type ParseResult =
  { readonly ok: true; readonly workspace: SavedWorkspace } | { readonly ok: false; readonly errors: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isEntity(v: unknown): v is Entity {
  return (
    isRecord(v) &&
    typeof v['id'] === 'string' &&
    typeof v['label'] === 'string' &&
    typeof v['name'] === 'string' &&
    isRecord(v['properties']) &&
    isStringArray(v['sources'])
  );
}

function isRelationship(v: unknown): v is Relationship {
  return (
    isRecord(v) &&
    ['id', 'type', 'source', 'target'].every((k) => typeof v[k] === 'string') &&
    isRecord(v['properties']) &&
    isStringArray(v['sources'])
  );
}

function parseFilters(v: unknown): Filters {
  if (!isRecord(v)) return NO_FILTERS;
  const time = isRecord(v['time']) && typeof v['time']['from'] === 'number' && typeof v['time']['to'] === 'number';
  return {
    hiddenLabels: isStringArray(v['hiddenLabels']) ? v['hiddenLabels'] : [],
    hiddenTypes: isStringArray(v['hiddenTypes']) ? v['hiddenTypes'] : [],
    keepUndated: v['keepUndated'] !== false,
    ...(v['hideLowGraded'] === true ? { hideLowGraded: true } : {}),
    ...(time
      ? {
          time: {
            from: Number((v['time'] as Record<string, unknown>)['from']),
            to: Number((v['time'] as Record<string, unknown>)['to']),
          },
        }
      : {}),
  };
}

/** Reads a workspace file; says what is wrong instead of throwing. */
export function parseWorkspace(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, errors: [messages().workspaceFile.notJson] };
  }
  if (!isRecord(raw) || raw['format'] !== WORKSPACE_FORMAT) {
    return { ok: false, errors: [messages().workspaceFile.notWorkspace] };
  }
  if (raw['version'] !== WORKSPACE_VERSION)
    return { ok: false, errors: [messages().workspaceFile.version(String(raw['version']))] };
  const errors: string[] = [];
  const nodesRaw: unknown[] = Array.isArray(raw['nodes']) ? raw['nodes'] : [];
  const relsRaw: unknown[] = Array.isArray(raw['relationships']) ? raw['relationships'] : [];
  const nodes = nodesRaw.filter(isEntity);
  const relationships = relsRaw.filter(isRelationship);
  if (nodes.length !== nodesRaw.length) errors.push(messages().workspaceFile.badNodes(nodesRaw.length - nodes.length));
  if (relationships.length !== relsRaw.length)
    errors.push(messages().workspaceFile.badRels(relsRaw.length - relationships.length));
  const nodeIds = new Set(nodes.map((n) => n.id));
  const dangling = relationships.filter((r) => !nodeIds.has(r.source) || !nodeIds.has(r.target));
  if (dangling.length > 0) errors.push(messages().workspaceFile.dangling(dangling.length));
  if (errors.length > 0) return { ok: false, errors };

  const onlyKnown = (v: unknown) => (isStringArray(v) ? v.filter((id) => nodeIds.has(id)) : []);
  const omitted = new Map<string, number>();
  if (isRecord(raw['omitted'])) {
    for (const [id, count] of Object.entries(raw['omitted']))
      if (typeof count === 'number' && nodeIds.has(id)) omitted.set(id, count);
  }
  const positions = new Map<string, Position>();
  if (isRecord(raw['positions'])) {
    for (const [id, p] of Object.entries(raw['positions'])) {
      if (isRecord(p) && typeof p['x'] === 'number' && typeof p['y'] === 'number')
        positions.set(id, { x: p['x'], y: p['y'] });
    }
  }
  let doc: GraphDoc = {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    relationships: new Map(relationships.map((r) => [r.id, r])),
    hidden: new Set(onlyKnown(raw['hidden'])),
    pinned: new Set(onlyKnown(raw['pinned'])),
    omitted,
  };
  const groups = parseGroups(raw['groups'], nodeIds);
  if (groups.size > 0) doc = { ...doc, groups };
  return { ok: true, workspace: { doc, filters: parseFilters(raw['filters']), positions } };
}
