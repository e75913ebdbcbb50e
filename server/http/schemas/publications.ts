/** What publishing answers (routes/publications.ts). */
import { z } from '@hono/zod-openapi';

export const PublishedSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    count: z.number().int(),
    url: z.string().openapi({ description: 'The embed, from GREENLINE_PUBLIC_URL or this request’s origin' }),
    table_url: z.string(),
    snippet: z.string().openapi({ description: 'The HTML to paste into a host page: iframe, resize script, noscript image, table link' }),
  })
  .openapi('Published');

/** A publication as listed: its latest version described as publishing answers it, with its status and titles. */
export const PublicationListingSchema = PublishedSchema.extend({
  status: z.enum(['live', 'withdrawn']),
  title: z.object({ zh: z.string(), en: z.string() }),
  summary: z.object({ zh: z.string(), en: z.string() }),
  latest_version: z.number().int(),
  enterprise_count: z.number().int(),
  created_at: z.string(),
  created_by: z.string(),
  published_at: z.string(),
  withdrawn_at: z.string().nullable(),
  spec: z.record(z.string(), z.unknown()),
}).openapi('PublicationListing');
