/**
 * `greenline settings …`: choices a database's owner makes, kept in the database. public-map on
 * opens the planner map and its API to anonymous readers; off (the default outside the demo)
 * leaves the public only the published embeds and /api/health.
 */
import type { Command } from 'commander';
import { getSetting, SETTINGS, type SettingName, setSetting } from '../../db/settings-store.ts';
import { type GlobalOptions, Output } from '../output.ts';
import { oneOf } from '../parse.ts';
import { withDatabase } from '../with-database.ts';

export function settingsCommand(program: Command, globals: () => GlobalOptions) {
  const cmd = program.command('settings').description(`database settings: ${Object.keys(SETTINGS).join(', ')}`);
  cmd
    .command('set <name> <value>')
    .description('public-map on|off: whether anonymous readers may use the planner map and its API')
    .action(async (name: string, value: string) => {
      const { db: dbPath, json } = globals();
      const out = new Output(json);
      try {
        const setting = oneOf('setting', name, Object.keys(SETTINGS) as SettingName[]);
        await withDatabase(dbPath, (db) => setSetting(db, setting, value));
        out.done({ [setting]: value }, `${setting} is ${value}`);
      } catch (error) {
        out.fail(error);
      }
    });
  cmd
    .command('show')
    .description('every setting and its value')
    .action(async () => {
      const { db: dbPath, json } = globals();
      const out = new Output(json);
      try {
        const values: Record<string, string> = {};
        await withDatabase(dbPath, async (db) => {
          for (const name of Object.keys(SETTINGS) as SettingName[]) values[name] = await getSetting(db, name);
        });
        out.done(
          values,
          Object.entries(values).map(([k, v]) => `${k} ${v}`),
        );
      } catch (error) {
        out.fail(error);
      }
    });
}
