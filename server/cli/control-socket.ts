/**
 * The server's side of the command line while it holds the database: a Unix socket (readable and
 * writable by the server's own operating-system user only, as the database file is) on which
 * `greenline …` sends its command line. The command runs here, on the server's open database, with
 * its output, password prompts and exit code streamed back as newline-delimited JSON — so
 * `greenline user add` works while the server runs, as its start-up message promises.
 */
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import type { Database } from '../db/database.ts';
import { type CliIo, endCommand } from './cli-io.ts';
import { canonicalDbPath, controlSocketPath } from './control-path.ts';
import { runCli } from './program.ts';

export type ClientMessage =
  | { type: 'run'; args: string[]; cwd: string; user: string }
  | { type: 'secret'; text: string }
  | { type: 'secret-refused'; reason: string };

export type ServerMessage =
  | { type: 'stdout' | 'stderr'; text: string }
  | { type: 'secret'; prompt: string }
  | { type: 'exit'; code: number };

export interface ControlSocket {
  path: string;
  close(): void;
}

export async function listenForCommands(db: Database, dbPath: string): Promise<ControlSocket> {
  const path = controlSocketPath(dbPath);
  const held = canonicalDbPath(dbPath);
  // A socket left by a server that crashed: nobody answers on it, and listen() would refuse.
  if (existsSync(path)) unlinkSync(path);
  const server = createServer((socket) => serve(socket, db, held));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return { path, close: () => closeServer(server, path) };
}

function closeServer(server: Server, path: string): void {
  server.close();
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function serve(socket: Socket, db: Database, held: string): void {
  const send = (message: ServerMessage) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(message)}\n`);
  };
  let answer: ((message: ClientMessage) => void) | null = null;
  let started = false;
  const lines = createInterface({ input: socket });
  lines.on('line', (line) => {
    let message: ClientMessage;
    try {
      message = JSON.parse(line) as ClientMessage;
    } catch {
      socket.destroy();
      return;
    }
    if (message.type !== 'run') {
      answer?.(message);
      return;
    }
    if (started) return;
    started = true;
    const io = commandIo(message, send, db, held, () => new Promise((resolve) => (answer = resolve)));
    runCli(message.args, io)
      .catch((error: Error) => {
        io.stderr(`greenline: ${error.message.split('\n')[0]}\n`);
        return 1;
      })
      .then((code) => {
        send({ type: 'exit', code });
        socket.end();
      });
  });
  socket.on('error', () => socket.destroy());
}

function commandIo(
  run: Extract<ClientMessage, { type: 'run' }>,
  send: (message: ServerMessage) => void,
  db: Database,
  held: string,
  nextAnswer: () => Promise<ClientMessage>,
): CliIo {
  return {
    stdout: (text) => send({ type: 'stdout', text }),
    stderr: (text) => send({ type: 'stderr', text }),
    stderrIsTTY: false,
    async readSecret(prompt) {
      send({ type: 'secret', prompt });
      const reply = await nextAnswer();
      if (reply.type === 'secret') return reply.text;
      throw new Error(reply.type === 'secret-refused' ? reply.reason : 'no password given');
    },
    // The server's own settings (publications folder, public URL, port) are the ones that apply.
    env: process.env,
    cwd: run.cwd,
    user: run.user,
    async withDatabase(path, work) {
      if (canonicalDbPath(path) !== held) throw new Error(`the server on this socket holds ${held}, not ${path}`);
      return work(db);
    },
    server: { dbPath: held },
    exit: endCommand,
  };
}
