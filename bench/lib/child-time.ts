/**
 * Times a command run as a child process, the way a user runs it: wall time, and the CPU the child
 * used (user and system, its own children included). Linux counts a reaped child's CPU in the
 * parent's cutime/cstime (/proc/self/stat, fields 16 and 17, in clock ticks); elsewhere CPU is null.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface ChildTime {
  seconds: number;
  userSeconds: number | null;
  systemSeconds: number | null;
  stdout: string;
}

/** Clock ticks a second: 100 on every Linux Node supports (sysconf(_SC_CLK_TCK)). */
const TICKS = 100;

function childrenCpu(): { user: number; system: number } | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // The command name (field 2) may hold spaces; fields are counted after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[13]) / TICKS, system: Number(fields[14]) / TICKS };
}

export function timeChild(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): ChildTime {
  const before = childrenCpu();
  const started = performance.now();
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, env: options.env ?? process.env });
  const seconds = (performance.now() - started) / 1000;
  const after = childrenCpu();
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return {
    seconds,
    userSeconds: before && after ? round(after.user - before.user) : null,
    systemSeconds: before && after ? round(after.system - before.system) : null,
    stdout: r.stdout,
  };
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
