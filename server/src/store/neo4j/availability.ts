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
  /** Called once each time Neo4j goes from answering (or not yet tried) to down. */
  readonly onDown?: (reason: unknown) => void;
}

/**
 * `unverified` at start: the first request probes, so a server that is a black hole
 * from the start never gets a driver socket stuck in its handshake.
 */
type State =
  { readonly phase: 'unverified' } | { readonly phase: 'up' } | { readonly phase: 'down'; readonly until: number };

export class Availability {
  private state: State = { phase: 'unverified' };
  private probe: Promise<boolean> | undefined;

  constructor(private readonly options: AvailabilityOptions) {}

  /** Resolves when requests may go to the driver; rejects with StoreUnavailableError otherwise. */
  async check(): Promise<void> {
    if (this.state.phase === 'up') return;
    if (this.state.phase === 'down') {
      const wait = this.state.until - Date.now();
      if (wait > 0) throw unavailable(wait);
    }
    this.probe ??= probeBolt(this.options.address, this.options.probeTimeoutMs).finally(() => {
      this.probe = undefined;
    });
    if (await this.probe) {
      this.state = { phase: 'up' };
      return;
    }
    const { host, port } = this.options.address;
    this.markDown(new Error(`No Bolt server answered at ${host}:${port}`));
    throw unavailable(this.options.cooldownMs);
  }

  markDown(reason: unknown): void {
    if (this.state.phase !== 'down') this.options.onDown?.(reason);
    this.state = { phase: 'down', until: Date.now() + this.options.cooldownMs };
  }
}

function unavailable(waitMs: number): StoreUnavailableError {
  return new StoreUnavailableError(undefined, Math.max(1, Math.ceil(waitMs / 1000)));
}
