/**
 * The command line's side of control-socket.ts: when a server holds the database, the command is
 * sent to it and its output, password prompts and exit code come back as if it had run here.
 * Only a live server is used: no socket, or one nobody answers (a server that crashed), and the
 * command runs in this process as usual.
 */
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { controlSocketPath } from './control-path.ts';
import type { ClientMessage, ServerMessage } from './control-socket.ts';
import { readPasswordFromProcess } from './read-password.ts';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

function connected(path: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => resolve(socket));
    socket.once('error', () => resolve(null));
  });
}

/** The command's exit code when a server ran it, null when there is no server to run it. */
export async function forwardToServer(dbPath: string, args: readonly string[]): Promise<number | null> {
  const path = controlSocketPath(dbPath);
  if (!existsSync(path)) return null;
  const socket = await connected(path);
  if (!socket) return null;
  const send = (message: ClientMessage) => socket.write(`${JSON.stringify(message)}\n`);
  send({ type: 'run', args: [...args], cwd: process.cwd(), user: osUser() });
  return new Promise((resolve) => {
    let code: number | null = null;
    const lines = createInterface({ input: socket });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as ServerMessage;
      if (message.type === 'stdout') process.stdout.write(message.text);
      else if (message.type === 'stderr') process.stderr.write(message.text);
      else if (message.type === 'secret') {
        readPasswordFromProcess(message.prompt).then(
          (text) => send({ type: 'secret', text }),
          (error: Error) => send({ type: 'secret-refused', reason: error.message }),
        );
      } else if (message.type === 'exit') code = message.code;
    });
    socket.on('close', () => {
      if (code === null) process.stderr.write('greenline: the server closed the connection before the command finished\n');
      resolve(code ?? 1);
    });
  });
}
