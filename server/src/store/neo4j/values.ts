/**
 * Values across the driver boundary. Neo4j integers arrive as Integer objects and
 * temporal values as driver classes; the port promises plain, structured-clone-safe
 * data, so they become numbers (integers past ±2^53 their exact digits in a string) and ISO strings. Outgoing, whole numbers become
 * Neo4j integers: a JS number would be sent as a float, which LIMIT rejects and
 * which would store audit sequence numbers as 1.0.
 */
import neo4j, { isDate, isDateTime, isDuration, isInt, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';

const isTemporal = (v: unknown): boolean =>
  isDate(v) || isDateTime(v) || isLocalDateTime(v) || isLocalTime(v) || isTime(v) || isDuration(v);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

export function fromNeo4j(value: unknown): unknown {
  // A JavaScript number holds integers exactly up to 2^53 only: past that, the exact digits as a
  // string (a graph written by another tool may hold 9007199254740993), never a rounded number.
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isTemporal(value)) return String(value);
  if (Array.isArray(value)) return value.map(fromNeo4j);
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromNeo4j(v)]));
  }
  return value;
}

export function toNeo4j(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toNeo4j(v)]),
    );
  }
  return value;
}

export function asRecord(value: unknown): Record<string, unknown> {
  const plain = fromNeo4j(value);
  return isPlainObject(plain) ? plain : {};
}

export const asString = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

export const asNumber = (value: unknown, fallback = 0): number =>
  typeof value === 'number' ? value : isInt(value) ? value.toNumber() : fallback;

export const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
