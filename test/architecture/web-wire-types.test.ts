/**
 * The browser takes the server's response and request shapes from server/http/schemas/wire.ts
 * alone: types inferred there from the schemas the routes validate with, imported as types only
 * (see its header). A web module reaching into another schema or route file bypasses that one
 * list of what crosses the wire, and may pull zod or server code into the bundle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './sql-boundary.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Every module specifier a source imports or re-exports from, static or dynamic. */
function importedFrom(source: string): string[] {
  const specifiers = [...source.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] as string);
  return [...new Set(specifiers)];
}

/** The server/http modules a web source imports, other than wire.ts. */
function httpImports(source: string): string[] {
  return importedFrom(source).filter((s) => /(^|\/)server\/http\//.test(s) && !s.endsWith('server/http/schemas/wire.ts'));
}

describe('web types come from wire.ts', () => {
  it('no web module imports server/http except schemas/wire.ts', () => {
    const files = sourceFiles(ROOT, 'web/src');
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((file) => httpImports(readFileSync(join(ROOT, file), 'utf8')).map((s) => `${file} imports ${s}`));
    expect(offenders, `export these types from server/http/schemas/wire.ts:\n${offenders.join('\n')}`).toEqual([]);
  });

  it('sees the web modules that do import wire.ts (the check is not blind)', () => {
    const users = sourceFiles(ROOT, 'web/src').filter((file) =>
      importedFrom(readFileSync(join(ROOT, file), 'utf8')).some((s) => s.endsWith('server/http/schemas/wire.ts')),
    );
    expect(users).toContain('web/src/ledger/ledger-api.ts');
  });
});

describe('httpImports', () => {
  it('flags a schema file other than wire.ts, in a type import, a re-export or a dynamic import', () => {
    const source = [
      "import type { SiteFlowsSchema } from '../../../server/http/schemas/case-site.ts';",
      "export { ApiError } from '../../server/http/errors.ts';",
      "const m = await import('../../../server/http/routes/cases.ts');",
      "import type { CaseMap } from '../../../server/http/schemas/wire.ts';",
      "import { roleAtLeast } from '../../../server/domain/roles.ts';",
    ].join('\n');
    expect(httpImports(source)).toEqual([
      '../../../server/http/schemas/case-site.ts',
      '../../server/http/errors.ts',
      '../../../server/http/routes/cases.ts',
    ]);
  });

  it('passes comments and strings that only name a server path', () => {
    expect(httpImports("// Judging sites is the officials' (server/http/auth/access-policy.ts).")).toEqual([]);
    expect(httpImports("const note = 'see server/http/errors.ts';")).toEqual([]);
  });
});
