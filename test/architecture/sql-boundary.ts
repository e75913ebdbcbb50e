/**
 * Finds SQL and DuckDB driver use in TypeScript source, so that a test can hold the line the
 * README draws: `server/db/` is the only code that talks to DuckDB. It reads text, not a syntax
 * tree; what it looks for is narrow enough that English messages and HTTP methods pass.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface Finding {
  line: number;
  what: string;
  text: string;
}

const QUOTE = '[`\'"]';
// Upper-case statement keywords opening a string: how this codebase writes SQL. A lone 'DELETE'
// is the HTTP method (access policy, route tables), so DELETE must be followed by more.
const STATEMENT = new RegExp(
  `${QUOTE}\\s*(?:(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|COPY|WITH|PRAGMA|ATTACH|DETACH|DESCRIBE|SUMMARIZE|INSTALL|LOAD|TRUNCATE|EXPORT DATABASE|IMPORT DATABASE)\\s|(?:CHECKPOINT|VACUUM|BEGIN|COMMIT|ROLLBACK)\\b)`,
  'g',
);
// Lower- or mixed-case SQL, recognised by its shape rather than its first word alone.
const SHAPED = new RegExp(
  `${QUOTE}\\s*(?:select\\s[^\`'"]*\\sfrom\\s|insert\\s+(?:or\\s+\\w+\\s+)?into\\s|delete\\s+from\\s|update\\s+\\w+\\s+set\\s|(?:create|drop)\\s+(?:or\\s+replace\\s+)?(?:temp(?:orary)?\\s+)?(?:table|view|index|macro|sequence|schema)\\b|copy\\s*\\(|with\\s+\\w+\\s+as\\s*\\()`,
  'gi',
);
const DRIVER_IMPORT = /(?:from\s*|import\s*\(\s*)['"]@duckdb\/node-(?:api|bindings)['"]/g;
const CONNECTION = /\.connection\b/g;
const DRIVER_CALL = /\.(?:runAndRead\w*|streamAndRead\w*|createAppender|getRowObjectsJS|getColumnsJS|getColumns|extractStatements)\s*\(/g;
// A query method handed a string or a variable named for SQL. Hono's `app.all('/path' | '*')`
// takes a route pattern, so a string starting with '/' or '*' is not a query.
const QUERY_CALL = new RegExp(`\\.(?:run|all|one|stream)\\s*(?:<[^>()]*>)?\\(\\s*(?:${QUOTE}(?![/*])|\\w*(?:sql|Sql|SQL)\\b)`, 'g');

const CHECKS: readonly [RegExp, string][] = [
  [STATEMENT, 'SQL statement'],
  [SHAPED, 'SQL statement'],
  [DRIVER_IMPORT, '@duckdb driver import'],
  [CONNECTION, 'raw connection (.connection)'],
  [DRIVER_CALL, 'DuckDB driver call'],
  [QUERY_CALL, 'query method called with SQL'],
];

/**
 * Blanks comments, keeping every newline so that line numbers still point at the source. A comment
 * opens after a space or at a line's start, so `'/api/*'` and `'https://…'` stay code.
 */
export function withoutComments(source: string): string {
  return source
    .replace(/(^|\s)\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/(^|\s)\/\/[^\n]*/gm, (c) => c.replace(/[^\n]/g, ' '));
}

/** Every place in `source` that writes SQL or touches the driver, one finding per line and kind. */
export function scanSource(source: string): Finding[] {
  const code = withoutComments(source);
  const lines = source.split('\n');
  const lineAt = (index: number) => code.slice(0, index).split('\n').length;
  const found = new Map<string, Finding>();
  for (const [pattern, what] of CHECKS) {
    for (const m of code.matchAll(pattern)) {
      const line = lineAt(m.index);
      const key = `${line}|${what}`;
      if (!found.has(key)) found.set(key, { line, what, text: (lines[line - 1] ?? '').trim() });
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

/** Non-test TypeScript under `dir`, as paths relative to `root` with '/' separators. */
export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(root, dir, name);
    const rel = relative(root, path).split(sep).join('/');
    if (statSync(path).isDirectory()) return sourceFiles(root, rel);
    return /\.tsx?$/.test(name) && !/\.(test|bench)\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** `file:line  what  text` for each finding in the files given. */
export function scanFiles(root: string, files: readonly string[]): string[] {
  return files.flatMap((file) =>
    scanSource(readFileSync(join(root, file), 'utf8')).map((f) => `${file}:${f.line}  ${f.what}  ${f.text.slice(0, 100)}`),
  );
}
