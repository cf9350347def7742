/**
 * Just enough of a Bolt 4.4 server for outage tests, with no database behind it:
 * it completes the handshake, says SUCCESS to HELLO, BEGIN, COMMIT and RESET, and
 * answers every RUN + PULL with one record [1] in a column `ok`. So `RETURN 1 AS ok`
 * (the store's ping) succeeds against it. stop() closes the listener AND every open
 * connection, like a database process that dies; start() again on the same port
 * plays the database coming back; `frozen` plays a host that hangs with its
 * connections open. Every message received is decoded and kept in
 * `received`, so a test can check what the store actually put on the wire.
 */
import net from 'node:net';

export const SIGNATURE = { BEGIN: 0x11, COMMIT: 0x12, ROLLBACK: 0x13, RUN: 0x10 } as const;
const SUCCESS = 0x70;
const RECORD = 0x71;
const HELLO = 0x01;
const GOODBYE = 0x02;
const RUN = 0x10;
const PULL = 0x3f;
const COMMIT = 0x12;

/** A message from the client: its signature byte and decoded fields. */
export interface BoltMessage {
  readonly signature: number;
  readonly fields: readonly unknown[];
}

/** A PackStream float, kept apart from integers so tests can tell which one the driver sent. */
export class PackedFloat {
  constructor(readonly value: number) {}
}

/** PackStream decoding of what drivers send: scalars, strings, lists, maps and structs. */
function unpack(buf: Buffer, at: number): [unknown, number] {
  const marker = buf.readUInt8(at);
  const high = marker & 0xf0;
  if (marker <= 0x7f) return [marker, at + 1];
  if (marker >= 0xf0) return [marker - 0x100, at + 1];
  if (high === 0x80) return readString(marker & 0x0f, at + 1);
  if (high === 0x90) return readList(marker & 0x0f, at + 1);
  if (high === 0xa0) return readMap(marker & 0x0f, at + 1);
  if (high === 0xb0) {
    const [fields, end] = readList(marker & 0x0f, at + 2);
    return [{ signature: buf.readUInt8(at + 1), fields }, end];
  }
  switch (marker) {
    case 0xc0:
      return [null, at + 1];
    case 0xc1:
      return [new PackedFloat(buf.readDoubleBE(at + 1)), at + 9];
    case 0xc2:
      return [false, at + 1];
    case 0xc3:
      return [true, at + 1];
    case 0xc8:
      return [buf.readInt8(at + 1), at + 2];
    case 0xc9:
      return [buf.readInt16BE(at + 1), at + 3];
    case 0xca:
      return [buf.readInt32BE(at + 1), at + 5];
    case 0xcb:
      return [Number(buf.readBigInt64BE(at + 1)), at + 9];
    case 0xd0:
      return readString(buf.readUInt8(at + 1), at + 2);
    case 0xd1:
      return readString(buf.readUInt16BE(at + 1), at + 3);
    case 0xd2:
      return readString(buf.readUInt32BE(at + 1), at + 5);
    case 0xd4:
      return readList(buf.readUInt8(at + 1), at + 2);
    case 0xd5:
      return readList(buf.readUInt16BE(at + 1), at + 3);
    case 0xd8:
      return readMap(buf.readUInt8(at + 1), at + 2);
    case 0xd9:
      return readMap(buf.readUInt16BE(at + 1), at + 3);
    default:
      throw new Error(`fake Bolt cannot decode marker 0x${marker.toString(16)}`);
  }

  function readString(size: number, from: number): [string, number] {
    return [buf.toString('utf8', from, from + size), from + size];
  }
  function readList(size: number, from: number): [unknown[], number] {
    const items: unknown[] = [];
    let pos = from;
    for (let i = 0; i < size; i++) {
      const [item, next] = unpack(buf, pos);
      items.push(item);
      pos = next;
    }
    return [items, pos];
  }
  function readMap(size: number, from: number): [Record<string, unknown>, number] {
    const [flat, end] = readList(size * 2, from);
    const map: Record<string, unknown> = {};
    for (let i = 0; i < flat.length; i += 2) map[String(flat[i])] = flat[i + 1];
    return [map, end];
  }
}

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

/** Reads the chunked stream, records each complete message and answers it by its signature byte. */
function serve(socket: net.Socket, server: { readonly received: BoltMessage[]; readonly frozen: boolean }): void {
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
      const [decoded] = unpack(whole, 0);
      server.received.push(decoded as BoltMessage);
      // Frozen: the connection stays open and nothing answers, like a host that hangs.
      if (server.frozen) continue;
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
  readonly received: BoltMessage[] = [];
  /** While true, messages are read and recorded but never answered (handshakes still are). */
  frozen = false;
  port = 0;

  /** Listens on the previous port when restarted, so a store pointed at it finds it again. */
  async start(): Promise<void> {
    const server = net.createServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      serve(socket, this);
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
