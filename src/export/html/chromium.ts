import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { KgError } from '../../util/errors.js';

/** Debian's Chromium: playwright-core drives it, no browser download involved. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Headless, offline and quiet: nothing phones home, so a test can require that
 * the page makes no request at all. SwiftShader gives WebGL without a GPU.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function launchChromium(): Promise<Browser> {
  if (!hasChromium()) {
    throw new KgError('E_EXPORT', 'Chromium is missing: apt-get install chromium', {
      file: CHROMIUM_PATH,
    });
  }
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch (error) {
    throw new KgError(
      'E_EXPORT',
      'the screenshot needs the playwright-core package: npm install',
      {
        file: CHROMIUM_PATH,
      },
      { cause: error },
    );
  }
  return playwright.chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
