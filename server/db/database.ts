/**
 * The one place that opens DuckDB. Everything else receives a Database and asks it for queries
 * or a transaction; nothing reaches a global handle.
 *
 * DuckDB connections are cheap (tens of microseconds), and a transaction belongs to a connection,
 * so each transaction gets its own connection while plain reads share one.
 */

import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { DuckDBInstance } from './duckdb.ts';
import { migrate, pendingMigrations } from './migrate.ts';
import { fillMissingSearchText } from './search-text-store.ts';

export type Params = Record<string, DuckDBValue> | DuckDBValue[];
export type Row = Record<string, unknown>;

/** What query code needs: a connection-like object, the same inside and outside a transaction. */
export interface Queryable {
  run(sql: string, params?: Params): Promise<void>;
  all<T = Row>(sql: string, params?: Params): Promise<T[]>;
  one<T = Row>(sql: string, params?: Params): Promise<T | undefined>;
  /** The raw connection, for appenders in bulk loads. */
  readonly connection: DuckDBConnection;
}

/**
 * One connection runs one query at a time. Queries are queued here, in JavaScript, rather than in
 * the driver: each query the driver is handed takes a thread of libuv's small pool (4) while it
 * waits for the connection, so fifty requests queued on one connection would leave no thread for
 * other connections (the health check's), file reads or compression — the server would stall.
 */
class Session implements Queryable {
  private tail: Promise<unknown> = Promise.resolve();
  /** Queries handed to this session and not yet finished. */
  pending = 0;

  constructor(readonly connection: DuckDBConnection) {}

  private queued<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    const next = this.tail.then(work, work).finally(() => {
      this.pending--;
    });
    this.tail = next.catch(() => undefined);
    return next;
  }

  async run(sql: string, params?: Params): Promise<void> {
    await this.queued(() => this.connection.run(sql, params));
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const reader = await this.queued(() => this.connection.runAndReadAll(sql, params));
    return reader.getRowObjectsJS().map(plainRow) as T[];
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
}

/**
 * Connections for reads that may run side by side, as many as the cores: a query goes to the
 * connection with the fewest waiting, so one slow read (a case list's count, a page far into a
 * list) does not hold up the next. For reads only, and for statements that stand alone: a temp
 * table made through one call is not seen by the next, which may go to another connection.
 */
class ReadPool implements Queryable {
  private readonly sessions: Promise<Session>[];
  private readonly opened: Session[] = [];

  constructor(instance: DuckDBInstance, size: number) {
    this.sessions = Array.from({ length: size }, () =>
      instance.connect().then((c) => {
        const session = new Session(c);
        this.opened.push(session);
        return session;
      }),
    );
  }

  private async least(): Promise<Session> {
    const all = await Promise.all(this.sessions);
    return all.reduce((a, b) => (b.pending < a.pending ? b : a));
  }

  get connection(): DuckDBConnection {
    throw new Error('a read pool has no single connection: use Database.connection for appenders');
  }

  async run(sql: string, params?: Params): Promise<void> {
    await (await this.least()).run(sql, params);
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return (await this.least()).all<T>(sql, params);
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return (await this.least()).one<T>(sql, params);
  }

  /**
   * Stops what the pool is running. Its connections are not closed here: a connection closed while
   * a query of it runs on a libuv thread leaves that thread waiting for ever, and the process then
   * hangs in exit (seen at a million enterprises under load); they go with the instance.
   */
  interrupt(): void {
    for (const s of this.opened) s.connection.interrupt();
  }
}

export class Database implements Queryable {
  private readonly shared: Session;
  private pool: ReadPool | null = null;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    connection: DuckDBConnection,
  ) {
    this.shared = new Session(connection);
  }

  /** Opens (creating if absent) and migrates a database file, or ':memory:'. */
  static async open(path: string): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const db = new Database(path, instance, await instance.connect());
    await migrate(db);
    await fillMissingSearchText(db);
    return db;
  }

  /**
   * Opens a database file that a writer has prepared, for reading only: any number of processes
   * may hold it so at once (a read replica, README "Past one machine"), none may write. A file whose
   * migrations are behind this code is refused rather than read with the wrong schema.
   */
  static async openReadOnly(path: string): Promise<Database> {
    const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
    const db = new Database(path, instance, await instance.connect());
    const behind = await pendingMigrations(db).catch((error: Error) => {
      db.close();
      throw new Error(`${path} is not a Greenline database: ${error.message}`);
    });
    if (behind.length) {
      db.close();
      throw new Error(
        `${path} lacks migrations ${behind.join(', ')}: open it once read-write (greenline or the server without GREENLINE_READ_ONLY) to bring it up to date`,
      );
    }
    return db;
  }

  /**
   * A DuckDB of its own in memory, without Greenline's tables: working tables derived from the
   * data (the map's facts, map-facts.ts) whose queries must not queue behind the database's own.
   */
  static async scratch(): Promise<Database> {
    const instance = await DuckDBInstance.create(':memory:');
    return new Database(':memory:', instance, await instance.connect());
  }

  get connection(): DuckDBConnection {
    return this.shared.connection;
  }

  run(sql: string, params?: Params): Promise<void> {
    return this.shared.run(sql, params);
  }

  all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    return this.shared.all<T>(sql, params);
  }

  one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    return this.shared.one<T>(sql, params);
  }

  /**
   * Runs fn in one transaction on its own connection: committed if fn resolves, rolled back if it
   * throws, so a failed import or request leaves the data exactly as it was. A process killed
   * mid-transaction leaves nothing either: DuckDB's WAL only replays committed transactions.
   */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    const tx = new Session(connection);
    try {
      await tx.run('BEGIN TRANSACTION');
      try {
        const result = await fn(tx);
        await tx.run('COMMIT');
        return result;
      } catch (error) {
        await tx.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      connection.closeSync();
    }
  }

  /**
   * A fresh connection for long work that must not queue behind other readers. `interrupt()`
   * cancels the query it is running (when the client that asked for it has gone away).
   */
  async session(): Promise<Queryable & { close(): void; interrupt(): void }> {
    const connection = await this.instance.connect();
    const s = new Session(connection);
    return Object.assign(s, { close: () => connection.closeSync(), interrupt: () => connection.interrupt() });
  }

  /**
   * Reads that stand alone (a page of a list, one enterprise, a count), spread over as many
   * connections as there are cores, so that concurrent requests do not queue behind one another.
   */
  get reads(): Queryable {
    this.pool ??= new ReadPool(this.instance, Math.max(2, availableParallelism()));
    return this.pool;
  }

  /**
   * Answers once the database can run a query, on a connection of its own: a health check must
   * not wait behind the shared connection's queue of long reads.
   */
  async ping(): Promise<void> {
    this.pingSession ??= this.instance.connect().then((c) => new Session(c));
    await (await this.pingSession).one('SELECT 1 AS one');
  }

  private pingSession: Promise<Session> | null = null;

  async checkpoint(): Promise<void> {
    await this.run('CHECKPOINT');
  }

  close(): void {
    this.pool?.interrupt();
    // A connection closed while its query runs deadlocks that query's thread in DuckDB (the
    // context it is destroyed with is locked by the query), and the process then never exits: a
    // server stopped under load. Then the query is interrupted instead, and the exit ends the rest;
    // what was committed is in the WAL.
    if (this.shared.pending > 0) {
      this.shared.connection.interrupt();
      return;
    }
    this.shared.connection.closeSync();
    this.instance.closeSync();
  }
}

/** COUNT and other BIGINT results arrive as bigint, which JSON cannot carry; ours fit a double. */
function plainRow(row: Record<string, unknown>): Row {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'bigint') row[key] = Number(value);
  }
  return row;
}
