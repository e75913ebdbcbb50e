/** Runs the real greenline CLI: in a child process (greenline), or in this one (greenlineInProcess). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type CliIo, endCommand, processIo } from '../../server/cli/cli-io.ts';
import { runCli } from '../../server/cli/program.ts';

const BIN = fileURLToPath(new URL('../../bin/greenline.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function greenline(
  args: readonly string[],
  options: {
    input?: string;
    env?: NodeJS.ProcessEnv /** Before the script, e.g. a module to preload. */;
    nodeArgs?: readonly string[];
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], { env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}

/**
 * Runs a greenline command inside this process, through the same program and output contract
 * (exit code, stdout, stderr) as the real CLI, for tests not about the process itself: a
 * process spawn costs more than most commands under test. Standard input is `input`, read the way
 * a piped password is (its first line).
 */
export async function greenlineInProcess(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stderrIsTTY: false,
    readSecret: async () => firstLine(options.input ?? ''),
    env: { ...process.env, ...options.env },
    cwd: process.cwd(),
    user: processIo.user,
    withDatabase: processIo.withDatabase,
    server: null,
    exit: endCommand,
  };
  try {
    return { code: await runCli(args, io), stdout, stderr };
  } catch (error) {
    // What node prints for an error no command caught, with the exit code it gives.
    return { code: 1, stdout, stderr: `${stderr}${error instanceof Error ? error.stack : String(error)}\n` };
  }
}

function firstLine(input: string): string {
  const line = input.split(/\r?\n/)[0] ?? '';
  if (!line) throw new Error('no password on standard input (pipe it in, or run in a terminal to type it)');
  return line;
}
