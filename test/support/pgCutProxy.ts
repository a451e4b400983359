// A TCP proxy in front of the real PostgreSQL server that can cut a connection at the one moment that
// matters for a reservation: its COMMIT. Every other byte passes through untouched.
//   'answered': the COMMIT reaches the server and takes effect; its answer is dropped, both sides closed.
//   'late':     the client's side is closed at once; the COMMIT reaches the server 300 ms later, over
//               the server side held open (a COMMIT still on the wire when the connection broke).
import * as net from 'node:net';

export type CutMode = 'answered' | 'late';

export interface CutProxy {
  /** The database URL, through the proxy. */
  url: string;
  /** Cuts the next connection that sends a COMMIT; resolves once it did. */
  arm(mode: CutMode): Promise<void>;
  close(): Promise<void>;
}

const COMMIT = Buffer.from('COMMIT\0');

export async function startCutProxy(databaseUrl: string): Promise<CutProxy> {
  const target = new URL(databaseUrl);
  let armed: { mode: CutMode; done: () => void } | undefined;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s)).on('error', () => undefined);
    }
    let cut = false;
    upstream.on('data', (chunk) => { if (!cut) client.write(chunk); }).on('close', () => client.destroy());
    client.on('close', () => { if (!cut) upstream.destroy(); });
    client.on('data', (chunk) => {
      if (!armed || !chunk.includes(COMMIT)) {
        upstream.write(chunk);
        return;
      }
      const { mode, done } = armed;
      armed = undefined;
      cut = true;
      if (mode === 'answered') {
        upstream.once('data', () => { client.destroy(); upstream.destroy(); done(); });
        upstream.write(chunk);
      } else {
        client.destroy();
        setTimeout(() => {
          upstream.write(chunk);
          upstream.once('data', () => upstream.destroy());
          setTimeout(() => upstream.destroy(), 1000).unref();
          done();
        }, 300);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.toString(),
    arm: (mode) => new Promise<void>((done) => { armed = { mode, done }; }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
