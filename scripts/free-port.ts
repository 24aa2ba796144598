/**
 * A TCP port on 127.0.0.1 that the operating system reports free right now. Used wherever the project
 * starts a server of its own for a moment (tests, the test runner's embedded PostgreSQL), so that two
 * runs on one machine never pick the same port from a fixed range.
 */
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
