// Servers started as processes by the tests (start-up, kill -9, the start log). On a loaded machine a start
// can take tens of seconds (tsx compiles the server on the fly), so a wait ends when the server answers or
// when its process exits, never after a guess at how long a start takes; the test's own timeout is the
// hang guard.
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once GET /healthz answers 200; rejects as soon as the process exits first. */
export async function waitHealthy(port: number, child: ChildProcess): Promise<void> {
  while (child.exitCode === null && child.signalCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `the server on port ${port} exited (${child.exitCode ?? child.signalCode}) before /healthz answered`,
  );
}
