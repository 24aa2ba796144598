/**
 * A loopback TCP proxy in front of PostgreSQL that counts the statements the app sends: each simple
 * Query ('Q') and each Execute ('E') of the extended protocol is one statement. The app is unchanged;
 * only its DATABASE_URL points here. (pg_stat_statements would need shared_preload_libraries, which a
 * stock server does not have.)
 */
import net from 'node:net';

export interface QueryCounter {
  port: number;
  count(): number;
  reset(): void;
  close(): Promise<void>;
}

export function startQueryCounter(options: { listenPort: number; targetHost: string; targetPort: number }): Promise<QueryCounter> {
  let statements = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(options.targetPort, options.targetHost);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let started = false; // the startup message (and an SSL request before it) carry no type byte
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
        if (type === 'Q' || type === 'E') statements += 1;
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
        count: () => statements,
        reset: () => {
          statements = 0;
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
