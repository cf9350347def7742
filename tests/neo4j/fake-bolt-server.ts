/**
 * Just enough of a Bolt 4.4 server for outage tests, with no database behind it:
 * it completes the handshake, says SUCCESS to HELLO, BEGIN, COMMIT and RESET, and
 * answers every RUN + PULL with one record [1] in a column `ok`. So `RETURN 1 AS ok`
 * (the store's ping) succeeds against it. stop() closes the listener AND every open
 * connection, like a database process that dies; start() again on the same port
 * plays the database coming back.
 */
import net from 'node:net';

const SUCCESS = 0x70;
const RECORD = 0x71;
const HELLO = 0x01;
const GOODBYE = 0x02;
const RUN = 0x10;
const PULL = 0x3f;
const COMMIT = 0x12;

type Value = null | boolean | number | string | Value[] | { [key: string]: Value };

/** PackStream, for the few value shapes the replies use. */
function pack(value: Value): Buffer {
  if (value === null) return Buffer.from([0xc0]);
  if (typeof value === 'boolean') return Buffer.from([value ? 0xc3 : 0xc2]);
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < -16 || value > 127) throw new Error('fake Bolt packs tiny ints only');
    return Buffer.from([value & 0xff]);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([Buffer.from([0xd0, bytes.length]), bytes]);
  }
  if (Array.isArray(value)) return Buffer.concat([Buffer.from([0x90 + value.length]), ...value.map(pack)]);
  const entries = Object.entries(value);
  return Buffer.concat([Buffer.from([0xa0 + entries.length]), ...entries.flatMap(([k, v]) => [pack(k), pack(v)])]);
}

function message(signature: number, fields: Value[]): Buffer {
  const body = Buffer.concat([Buffer.from([0xb0 + fields.length, signature]), ...fields.map(pack)]);
  const header = Buffer.alloc(2);
  header.writeUInt16BE(body.length);
  return Buffer.concat([header, body, Buffer.from([0, 0])]);
}

function reply(signature: number): Buffer[] {
  switch (signature) {
    case HELLO:
      return [message(SUCCESS, [{ server: 'Neo4j/4.4.0', connection_id: 'bolt-fake' }])];
    case RUN:
      return [message(SUCCESS, [{ fields: ['ok'], t_first: 0 }])];
    case PULL:
      return [message(RECORD, [[1]]), message(SUCCESS, [{ has_more: false, type: 'r', t_last: 0, db: 'neo4j' }])];
    case COMMIT:
      return [message(SUCCESS, [{ bookmark: 'fake:1' }])];
    default:
      return [message(SUCCESS, [{}])];
  }
}

/** Reads the chunked stream and answers each complete message by its signature byte. */
function serve(socket: net.Socket): void {
  let buffer = Buffer.alloc(0);
  let handshaken = false;
  let current: Buffer[] = [];
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (!handshaken) {
      if (buffer.length < 20) return;
      buffer = buffer.subarray(20);
      handshaken = true;
      socket.write(Buffer.from([0, 0, 4, 4]));
    }
    while (buffer.length >= 2) {
      const size = buffer.readUInt16BE(0);
      if (buffer.length < 2 + size) return;
      const data = buffer.subarray(2, 2 + size);
      buffer = buffer.subarray(2 + size);
      if (size > 0) {
        current.push(data);
        continue;
      }
      const whole = Buffer.concat(current);
      current = [];
      const signature = whole[1];
      if (signature === undefined) continue;
      if (signature === GOODBYE) {
        socket.end();
        return;
      }
      for (const out of reply(signature)) socket.write(out);
    }
  });
}

export class FakeBoltServer {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  /** Listens on the previous port when restarted, so a store pointed at it finds it again. */
  async start(): Promise<void> {
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      serve(socket);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address && typeof address === 'object') this.port = address.port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }
}
