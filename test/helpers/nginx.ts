/**
 * Debian's nginx serving a folder on a loopback port, as a government site or CDN would serve a
 * static export: its own config, logs and temp folders in a throwaway directory, stopped after.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './server.ts';
import { tempDir } from './temp-db.ts';

export function nginxPath(): string {
  const found = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'].find(
    (p): p is string => Boolean(p) && existsSync(p as string),
  );
  if (!found) throw new Error('No nginx found: set NGINX_PATH or apt-get install nginx');
  return found;
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(root: string): Promise<RunningNginx> {
  const dir = tempDir('greenline-nginx-');
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, d));
  const port = await freePort();
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    gzip on;
    gzip_types application/json text/css application/javascript image/svg+xml text/csv;
  }
}
`,
  );
  const child: ChildProcess = spawn(nginxPath(), ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d) => {
    log += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${log}`);
    try {
      await fetch(`${url}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer within 15 s: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
