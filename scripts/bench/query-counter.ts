/**
 * A loopback TCP proxy in front of PostgreSQL that counts the statements the app sends: each simple
 * Query ('Q') and each Execute ('E') of the extended protocol is one statement, recorded with its SQL
 * (the text of the Query, or of the last Parse ('P') on that connection before the Execute), so the
 * bench can say what each one is for. The app is unchanged; only its DATABASE_URL points here. (pg_stat_statements would need shared_preload_libraries, which a
 * stock server does not have.)
 */
import net from 'node:net';

export interface QueryCounter {
  port: number;
  count(): number;
  /** the SQL of each statement since the last reset, in the order they were sent */
  statements(): string[];
  reset(): void;
  close(): Promise<void>;
}

export function startQueryCounter(options: { listenPort: number; targetHost: string; targetPort: number }): Promise<QueryCounter> {
  let statements: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(options.targetPort, options.targetHost);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let started = false; // the startup message (and an SSL request before it) carry no type byte
    let parsed = ''; // the SQL of this connection's last Parse
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (!started) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code !== 80877103) started = true; // 80877103 = SSLRequest; anything else is the startup message
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < length + 1) break;
        const type = String.fromCharCode(pending[0]!);
        const body = pending.subarray(5, length + 1);
        if (type === 'Q') statements.push(cString(body, 0));
        if (type === 'P') parsed = cString(body, body.indexOf(0) + 1); // name\0 query\0 …
        if (type === 'E') statements.push(parsed);
        pending = pending.subarray(length + 1);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listenPort, '127.0.0.1', () =>
      resolve({
        port: options.listenPort,
        count: () => statements.length,
        statements: () => [...statements],
        reset: () => {
          statements = [];
        },
        close: () =>
          new Promise((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}

function cString(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString('utf8', start, end < 0 ? buffer.length : end);
}
