/** A change and its new sources as the client sent them (JSON), checked into records or refused with what to fix. */
import { UserInputError } from '../errors.ts';
import type { Change, NewDocument } from './records.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

function id(value: unknown, what: string, argument: string): string {
  if (typeof value !== 'string' || !ID.test(value)) {
    throw new UserInputError(`${what} must be an id of letters, digits, '.', '_', ':' or '-'.`, { argument });
  }
  return value;
}

const props = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

export function parseChange(value: unknown): Change {
  if (!isRecord(value)) throw new UserInputError('change must be an object with op.', { argument: 'change' });
  if (value.op === 'createEntity') {
    if (typeof value.label !== 'string') throw new UserInputError('change.label is missing.', { argument: 'change' });
    return {
      op: 'createEntity',
      label: value.label,
      id: id(value.id, 'change.id', 'change'),
      properties: props(value.properties),
    };
  }
  if (value.op === 'createRelationship') {
    if (typeof value.type !== 'string') throw new UserInputError('change.type is missing.', { argument: 'change' });
    return {
      op: 'createRelationship',
      type: value.type,
      id: id(value.id, 'change.id', 'change'),
      source: id(value.source, 'change.source', 'change'),
      target: id(value.target, 'change.target', 'change'),
      properties: props(value.properties),
    };
  }
  throw new UserInputError('change.op must be createEntity or createRelationship.', { argument: 'change' });
}

const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export function parseDocuments(value: unknown): NewDocument[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new UserInputError('documents must be a list.', { argument: 'documents' });
  return value.map((doc) => {
    if (!isRecord(doc) || optionalText(doc.title) === undefined) {
      throw new UserInputError('Each new document needs an id and a title.', { argument: 'documents' });
    }
    const url = optionalText(doc.url) ?? optionalText(doc.file);
    const publisher = optionalText(doc.publisher);
    const publishedAt = optionalText(doc.publishedAt);
    return {
      id: id(doc.id, 'documents[].id', 'documents'),
      title: optionalText(doc.title) ?? '',
      ...(publisher ? { publisher } : {}),
      ...(url ? { url } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    };
  });
}
