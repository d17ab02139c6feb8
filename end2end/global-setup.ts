// Starts the built server (LANYARD_BIN) with --demo on a fresh temporary data dir and a
// free port, reads the organiser and admin logins it prints, and stops it after the run.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
  const bin = process.env.LANYARD_BIN;
  if (!bin) throw new Error('LANYARD_BIN must name the built lanyard binary (scripts/test sets it)');
  const port = process.env.LANYARD_E2E_PORT!;
  const dataDir = mkdtempSync(join(tmpdir(), 'lanyard-e2e-'));
  const server = spawn(bin, ['serve', '--demo', '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' },
  });
  server.stderr.on('data', (d) => process.stderr.write(d));

  const login = await new Promise<{ email: string; password: string; admin: { email: string; password: string } }>(
    (resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`server printed no login:\n${out}`)), 30_000);
      server.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
      server.stdout.on('data', (d) => {
        out += d.toString();
        const m = out.match(/Organiser login: (\S+) \/ (\S+)/);
        const a = out.match(/Admin login: +(\S+) \/ (\S+)/);
        if (m && a) {
          clearTimeout(timer);
          resolve({ email: m[1], password: m[2], admin: { email: a[1], password: a[2] } });
        }
      });
    },
  );

  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {}
    if (i > 100) throw new Error('server did not become healthy');
    await new Promise((r) => setTimeout(r, 100));
  }

  mkdirSync('.run', { recursive: true });
  writeFileSync('.run/demo.json', JSON.stringify({ ...login, dataDir }));

  return async () => {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
    // The erasure journal lives beside the data dir (issue 17).
    rmSync(`${dataDir}.erasures.jsonl`, { force: true });
  };
}
