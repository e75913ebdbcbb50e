/**
 * Limits on what one import may read, so that a mistaken upload fails early and clearly instead
 * of exhausting the server. Both can be raised through the environment.
 */

export interface ImportLimits {
  maxFileBytes: number;
  maxRows: number;
}

export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  return {
    maxFileBytes: Number(env.GREENLINE_MAX_IMPORT_MB ?? 2048) * 2 ** 20,
    maxRows: Number(env.GREENLINE_MAX_IMPORT_ROWS ?? 5_000_000),
  };
}

export const formatMiB = (bytes: number) => `${(bytes / 2 ** 20).toLocaleString('en', { maximumFractionDigits: 1 })} MiB`;
