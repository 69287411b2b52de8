/**
 * A real load balancer for black-box tests: Debian's nginx, found or installed
 * (`apt-get install -y nginx`, as root), started on a free port with a config of its own in a
 * temporary folder (never the system's), round-robin over the given servers. Every answer names the
 * copy that gave it in `X-Upstream` (nginx's $upstream_addr), and a request is never retried on the
 * other copy (proxy_next_upstream off), so each answer is one copy's own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server';

const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx', '/usr/local/bin/nginx'];

const found = () => CANDIDATES.find((p) => fs.existsSync(p)) ?? null;

/** The nginx binary, installing Debian's package when it is missing; or why it cannot be had. */
export function findOrInstallNginx(): { bin: string } | { problem: string } {
  const bin = found();
  if (bin) return { bin };
  if (process.getuid?.() !== 0) return { problem: 'nginx is not installed and installing it needs root (apt-get install -y nginx)' };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  console.log('[nginx] not installed: apt-get update && apt-get install -y nginx …');
  const update = spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', env, timeout: 300_000 });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { encoding: 'utf8', env, timeout: 300_000 });
  const after = found();
  if (after) return { bin: after };
  return { problem: `installing nginx failed: ${update.stderr ?? ''}${install.stdout ?? ''}${install.stderr ?? ''}`.slice(0, 2000) };
}

export interface Balancer {
  port: number;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startNginx(bin: string, upstreamPorts: number[], port?: number): Promise<Balancer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-nginx-'));
  fs.chmodSync(dir, 0o777); // workers run as nobody when started by root
  const listen = port ?? (await freePort());
  const conf = path.join(dir, 'nginx.conf');
  const temp = (name: string) => `${name} ${path.join(dir, name.replace(/_path$/, ''))};`;
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log off;
  ${temp('client_body_temp_path')}
  ${temp('proxy_temp_path')}
  ${temp('fastcgi_temp_path')}
  ${temp('uwsgi_temp_path')}
  ${temp('scgi_temp_path')}
  client_max_body_size 200m;
  upstream rectify {
${upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://rectify;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream off;
      proxy_request_buffering off;
      proxy_buffering off;
      proxy_read_timeout 120s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const child: ChildProcess = spawn(bin, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${listen}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${baseUrl}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    port: listen,
    baseUrl,
    async stop() {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
      if (process.env.BLACKBOX_KEEP !== '1') fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
