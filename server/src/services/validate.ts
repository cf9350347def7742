/**
 * Input checks shared by the services. Each failure names the argument and says
 * what is allowed, so a client sees what to fix.
 */
import { UserInputError } from '../errors.ts';
import { NODE_LABELS, REL_TYPES, isNodeLabel, isRelType, type NodeLabel, type RelType } from '../model/index.ts';

export function intInRange(options: { name: string; value: number; min: number; max: number }): number {
  const { name, value, min, max } = options;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserInputError(`${name} must be between ${min} and ${max}`, { argument: name });
  }
  return value;
}

export function nodeLabels(name: string, values: readonly string[] | null | undefined): NodeLabel[] | undefined {
  if (values === null || values === undefined || values.length === 0) return undefined;
  const unknown = values.filter((v) => !isNodeLabel(v));
  if (unknown.length > 0) {
    throw new UserInputError(`${name} has unknown labels ${unknown.join(', ')}; allowed: ${NODE_LABELS.join(', ')}`, {
      argument: name,
    });
  }
  return [...new Set(values)] as NodeLabel[];
}

export function relTypes(name: string, values: readonly string[] | null | undefined): RelType[] | undefined {
  if (values === null || values === undefined || values.length === 0) return undefined;
  const unknown = values.filter((v) => !isRelType(v));
  if (unknown.length > 0) {
    throw new UserInputError(
      `${name} has unknown relationship types ${unknown.join(', ')}; allowed: ${REL_TYPES.join(', ')}`,
      { argument: name },
    );
  }
  return [...new Set(values)] as RelType[];
}

// Ids travel as parameters, never as Cypher text: only length and control characters matter.
const ID = /^[^\p{Cc}]{1,200}$/u;

export function entityId(name: string, value: string): string {
  if (!ID.test(value)) {
    throw new UserInputError(`${name} must be an entity id of 1 to 200 characters without control characters`, {
      argument: name,
    });
  }
  return value;
}

export function entityIds(name: string, values: readonly string[], max: number): string[] {
  if (values.length === 0) throw new UserInputError(`${name} must list at least one id`, { argument: name });
  if (values.length > max) throw new UserInputError(`${name} may list at most ${max} ids`, { argument: name });
  return [...new Set(values.map((v) => entityId(name, v)))];
}

export function text(options: { name: string; value: string; max: number }): string {
  const trimmed = options.value.trim();
  if (trimmed.length === 0) throw new UserInputError(`${options.name} must not be empty`, { argument: options.name });
  if (trimmed.length > options.max) {
    throw new UserInputError(`${options.name} must be at most ${options.max} characters`, { argument: options.name });
  }
  return trimmed;
}
