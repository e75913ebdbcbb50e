/**
 * Long synchronous work — appending a million rows, validating an import, hashing an audit chain —
 * is cut into slices with a turn of the event loop between them, so that the server goes on
 * answering (health checks, map reads) while it runs. A slice of a few thousand rows costs tens of
 * milliseconds; a yield costs microseconds.
 */
import { setImmediate } from 'node:timers/promises';

export const yieldToEventLoop = (): Promise<void> => setImmediate();
