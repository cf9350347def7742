/** The demo data (cypher/seed) raises the patterns of the source reports. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedFlags, type RedFlag } from '../../server/src/redflags/index.ts';
import { seedFiles } from '../../server/src/seed/seed-demo.ts';
import { CLEARED, META, freshStore, load, type OpenStore } from './redflags-harness.ts';
import { quietLogger } from '../support/quiet-logger.ts';

const SEED_DIR = path.resolve(import.meta.dirname, '../../cypher/seed');
const files = seedFiles(SEED_DIR);

describe('red flags on the demo data', () => {
  it('has demo files to load', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  let opened: OpenStore;
  let flags: RedFlag[];

  beforeAll(async () => {
    opened = await freshStore();
    for (const file of files) await load(opened.store, fs.readFileSync(file, 'utf8'), path.basename(file));
    flags = await findRedFlags(
      { logger: quietLogger, store: opened.store, scope: CLEARED, meta: META },
      { limit: 1_000 },
    );
  }, 240_000);

  afterAll(async () => {
    await opened?.cleanup();
  });

  it('raises the 360 kg delivery monitored for 180–200 kg, with its evidence and sources', () => {
    const flag = flags.find((f) => f.rule === 'shipment-discrepancy' && f.summary.includes('360 kg'));
    expect(flag?.summary).toContain('180–200 kg');
    expect(flag?.summary).toContain('+80 %');
    expect(flag?.severity).toBe('high');
    expect(flag?.nodes.map((n) => n.label).sort()).toEqual(['Agency', 'Shipment']);
    expect(flag?.relationships.map((r) => r.type)).toEqual(['MONITORED']);
    expect(flag?.nodes.every((n) => n.sources.length > 0)).toBe(true);
  });

  it('raises the informants paid in kilos, each with the payment in drugs as evidence', () => {
    const paidInKind = flags.filter((f) => f.rule === 'informant-paid-in-kind');
    expect(paidInKind.length).toBeGreaterThan(0);
    for (const flag of paidInKind) {
      expect(flag.nodes.some((n) => n.label === 'Informant')).toBe(true);
      expect(flag.relationships.some((r) => r.type === 'PAID' && r.properties.method === 'drugs')).toBe(true);
      expect(flag.summary).toMatch(/allegedly paid .*drugs/);
    }
  });
});
