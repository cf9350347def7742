/**
 * Remembers that Neo4j is down, so that during an outage requests fail at once
 * (DB_UNAVAILABLE with a Retry-After) instead of each waiting for the driver's
 * timeouts, and so that the driver is not asked to open a new connection per
 * request: against a black-holed server each attempt would leak a socket (see
 * bolt-probe.ts). After the cool-down, one Bolt probe decides whether to let
 * traffic through again; concurrent callers share that probe.
 */
import { StoreUnavailableError } from '../../errors.ts';
import { probeBolt, type BoltAddress } from './bolt-probe.ts';

export interface AvailabilityOptions {
  readonly address: BoltAddress;
  readonly cooldownMs: number;
  readonly probeTimeoutMs: number;
}

export class Availability {
  private downUntil: number | undefined;
  private probe: Promise<boolean> | undefined;

  constructor(private readonly options: AvailabilityOptions) {}

  get isDown(): boolean {
    return this.downUntil !== undefined;
  }

  /** Resolves when requests may go to the driver; rejects with StoreUnavailableError otherwise. */
  async check(): Promise<void> {
    if (this.downUntil === undefined) return;
    const wait = this.downUntil - Date.now();
    if (wait > 0) throw unavailable(wait);
    this.probe ??= probeBolt(this.options.address, this.options.probeTimeoutMs).finally(() => {
      this.probe = undefined;
    });
    if (await this.probe) {
      this.downUntil = undefined;
      return;
    }
    this.markDown();
    throw unavailable(this.options.cooldownMs);
  }

  markDown(): void {
    this.downUntil = Date.now() + this.options.cooldownMs;
  }
}

function unavailable(waitMs: number): StoreUnavailableError {
  return new StoreUnavailableError(undefined, Math.max(1, Math.ceil(waitMs / 1000)));
}
