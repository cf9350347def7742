/**
 * What the background and the planted patterns share while generating: the random source,
 * the writer, id counters and the handful of builders that keep every node sourced and
 * every relationship identified.
 */
import type { NodeLabel, RelType } from '../model/index.ts';
import type { RuleId } from '../redflags/types.ts';
import { ID_PREFIX, type CypherWriter, type Props } from './CypherWriter.ts';
import { isoDay } from './dates.ts';
import { personName } from './names.ts';
import type { Random } from './random.ts';

const SYNTHETIC_DOCUMENT = 'doc-synthetic';
const SOURCES: readonly string[] = [SYNTHETIC_DOCUMENT];

export interface TruthEntry {
  /** Ids that any flag for this instance must contain (e.g. the official and the criminal). */
  readonly keys: readonly string[];
  readonly variant: string;
  /** Only visible to users with informant clearance (relies on IDENTIFIES_AS). */
  readonly requiresClearance?: boolean;
}

export interface GroundTruth {
  readonly seed: number;
  readonly people: number;
  readonly planted: Record<RuleId, TruthEntry[]>;
  readonly decoys: Record<RuleId, TruthEntry[]>;
}

export class World {
  private readonly counters = new Map<string, number>();
  private relCount = 0;
  private recordCount = 0;
  peopleWritten = 0;

  constructor(
    readonly rng: Random,
    readonly out: CypherWriter,
    readonly truth: GroundTruth,
  ) {}

  newId(label: NodeLabel): string {
    const prefix = ID_PREFIX[label];
    const next = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, next);
    return `${prefix}-${next}`;
  }

  /** Writes a node with a fresh id, a name and the synthetic source; returns the id. */
  add(label: NodeLabel, name: string, props: Props = {}): string {
    const id = this.newId(label);
    this.out.node(label, { id, name, ...props, sources: SOURCES });
    return id;
  }

  /** A file entry about someone, with a plausible file number as its name. */
  record(system: string, kind: string): string {
    this.recordCount++;
    return this.add('Record', `${system} entry ${String(100_000 + ((this.recordCount * 7919) % 900_000))}`, {
      system,
      kind,
    });
  }

  person(props: Props = {}): string {
    this.peopleWritten++;
    return this.add('Person', personName(this.rng), props);
  }

  link(type: RelType, from: string, to: string, props: Props = {}): void {
    this.relCount++;
    this.out.rel(type, from, to, { id: `r-${this.relCount}`, ...props, sources: SOURCES });
  }

  /** EMPLOYED_BY with day numbers; `until` absent for a current job. */
  employ(person: string, agency: string, since: number, until?: number): void {
    this.link('EMPLOYED_BY', person, agency, {
      rank: this.rng.pick(['officer', 'sergeant', 'lieutenant', 'inspector']),
      since: isoDay(since),
      until: until === undefined ? undefined : isoDay(until),
    });
  }

  plant(rule: RuleId, variant: string, keys: readonly string[], requiresClearance = false): void {
    this.truth.planted[rule].push(requiresClearance ? { keys, variant, requiresClearance } : { keys, variant });
  }

  decoy(rule: RuleId, variant: string, keys: readonly string[]): void {
    this.truth.decoys[rule].push({ keys, variant });
  }
}
