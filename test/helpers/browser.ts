/**
 * Real Chromium for end-to-end tests, driven by playwright-core. Uses CHROME_PATH or Debian's
 * chromium; Playwright's own browser download is not available here.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export function chromePath(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
  if (!found) throw new Error('No Chromium found: set CHROME_PATH or apt-get install chromium');
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromePath(),
    // No GPU here: SwiftShader renders WebGL in software. The networking flags stop Chromium's own
    // background calls home, which this closed network refuses (and which would spoil the
    // "no request leaves the origin" check).
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
