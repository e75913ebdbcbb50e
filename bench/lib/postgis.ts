/**
 * A throwaway PostgreSQL + PostGIS cluster on a Unix socket in a temporary directory, for running
 * the same spatial joins in the same benchmark run. Absent binaries mean "no peer", not failure.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = join(root, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(root, v, 'lib', 'postgis-3.so'))) return bin;
  }
  return null;
}

export class PostgisPeer {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    private readonly socket: string,
    readonly version: string,
  ) {}

  static available(): boolean {
    return pgBin() !== null;
  }

  static start(): PostgisPeer | null {
    const bin = pgBin();
    if (!bin) return null;
    const dir = mkdtempSync(join(tmpdir(), 'greenline-pg-'));
    const data = join(dir, 'data');
    const socket = join(dir, 'sock');
    execFileSync('mkdir', ['-p', socket]);
    // PostgreSQL refuses to run as root; the cluster belongs to the postgres user when we are root.
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    const run = (cmd: string, args: string[]) =>
      asPostgres
        ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
        : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    writeFileSync(
      join(data, 'postgresql.auto.conf'),
      [
        "listen_addresses = ''",
        `unix_socket_directories = '${socket}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'shared_buffers = 1GB',
        'work_mem = 256MB',
        'maintenance_work_mem = 1GB',
        'max_parallel_workers_per_gather = 2',
        'jit = off',
      ].join('\n'),
    );
    if (asPostgres) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', 'start']);
    const peer = new PostgisPeer(bin, dir, socket, '');
    peer.sql('CREATE EXTENSION postgis');
    return new PostgisPeer(bin, dir, socket, /POSTGIS="([^ "]+)/.exec(peer.sql('SELECT postgis_full_version()'))?.[1] ?? '');
  }

  /** Runs SQL through psql and returns its unaligned output. */
  sql(sql: string, input?: string): string {
    const r = spawnSync(
      join(this.bin, 'psql'),
      ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', this.socket, '-U', 'postgres', '-c', sql],
      {
        input,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      },
    );
    if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
    return r.stdout.trim();
  }

  /** Streams rows into a table with COPY FROM STDIN (CSV). */
  async copy(table: string, columns: string, rows: Iterable<string>): Promise<void> {
    const child = spawn(
      join(this.bin, 'psql'),
      ['-X', '-q', '-h', this.socket, '-U', 'postgres', '-c', `COPY ${table} (${columns}) FROM STDIN WITH (FORMAT csv)`],
      {
        stdio: ['pipe', 'inherit', 'inherit'],
      },
    );
    for (const row of rows) if (!child.stdin.write(`${row}\n`)) await new Promise((r) => child.stdin.once('drain', r));
    child.stdin.end();
    await new Promise<void>((resolve, reject) =>
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`COPY ${table} exited ${code}`)))),
    );
  }

  /** Wall-clock seconds of one statement through psql, start-up and connection included. */
  time(sql: string): { seconds: number; result: string } {
    const started = performance.now();
    const result = this.sql(sql);
    return { seconds: (performance.now() - started) / 1000, result };
  }

  /** psql and its arguments for one command (such as `\copy (…) TO 'file' CSV HEADER`), to run as a user would. */
  psqlCommand(sql: string): [command: string, args: string[]] {
    return [join(this.bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', this.socket, '-U', 'postgres', '-c', sql]];
  }

  stop(): void {
    try {
      const asPostgres = process.getuid?.() === 0;
      const args = ['-D', join(this.dir, 'data'), '-m', 'immediate', 'stop'];
      if (asPostgres) execFileSync('runuser', ['-u', 'postgres', '--', join(this.bin, 'pg_ctl'), ...args], { stdio: 'pipe' });
      else execFileSync(join(this.bin, 'pg_ctl'), args, { stdio: 'pipe' });
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
