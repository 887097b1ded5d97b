/**
 * A child process for test/processGuards.test.ts: installs the app's rejection guard, serves HTTP on
 * a free port (printed on stdout), and leaves a promise rejection unhandled on every request to /reject.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { logUnhandledRejections } from '../../src/processGuards.ts';

logUnhandledRejections();
const server = createServer((req, res) => {
  if (req.url === '/reject') void Promise.reject(new Error('a listener forgot to catch this'));
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`));
