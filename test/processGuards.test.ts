/** The app logs a promise rejection nobody handled and keeps serving (Node's default is to exit). */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

describe('an unhandled promise rejection', () => {
  it('is logged with its stack, and the process keeps answering requests', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/rejectingServer.ts'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const port = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /port (\d+)/.exec(stdout);
          if (m) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`the child exited (${code}): ${stderr}`)));
      });
      expect(await (await fetch(`http://127.0.0.1:${port}/reject`)).text()).toBe('ok');
      // Wait for the log line that proves the rejection happened, then ask again.
      while (!stderr.includes('Unhandled promise rejection')) await once(child.stderr, 'data');
      expect(stderr).toMatch(/Unhandled promise rejection \(logged; the app keeps serving\): Error: a listener forgot to catch this\n\s+at /);
      expect(await (await fetch(`http://127.0.0.1:${port}/reject`)).text()).toBe('ok');
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });
});
