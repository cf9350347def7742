/**
 * A liveness check that owns its socket. neo4j-driver bounds the TCP connect
 * (connectionTimeout) but not the Bolt handshake that follows, and a socket stuck
 * in that handshake is neither counted by the pool nor closed by driver.close():
 * against a server that accepts and never answers, every attempt leaks one socket.
 * So while Neo4j is known to be down, the adapter asks this probe, which sends the
 * Bolt preamble, waits for the 4-byte version answer and always destroys its socket.
 * It sends no credentials.
 */
import net from 'node:net';
import tls from 'node:tls';

const BOLT_MAGIC = [0x60, 0x60, 0xb0, 0x17];
/** Versions offered: 5.0-5.8, then 4.4, 4.3; any answer at all proves a Bolt server listens. */
const OFFERED_VERSIONS = [0x00, 0x08, 0x08, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00, 0x00, 0x03, 0x04, 0, 0, 0, 0];
const DEFAULT_PORT = 7687;

export interface BoltAddress {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
}

export function boltAddress(uri: string): BoltAddress {
  const url = new URL(uri);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return { host, port: url.port ? Number(url.port) : DEFAULT_PORT, tls: /\+s(sc)?:$/.test(url.protocol) };
}

/** Resolves true when a Bolt server answered the handshake within timeoutMs, false otherwise. Never rejects. */
export function probeBolt(address: BoltAddress, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    // rejectUnauthorized: false is safe here: nothing is sent but the public preamble.
    const socket = address.tls
      ? tls.connect({ host: address.host, port: address.port, servername: address.host, rejectUnauthorized: false })
      : net.connect({ host: address.host, port: address.port });
    let answered = 0;
    const finish = (alive: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(alive);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once(address.tls ? 'secureConnect' : 'connect', () => {
      socket.write(Buffer.from([...BOLT_MAGIC, ...OFFERED_VERSIONS]));
    });
    socket.on('data', (chunk: Buffer) => {
      answered += chunk.length;
      if (answered >= 4) finish(true);
    });
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(answered >= 4));
  });
}
