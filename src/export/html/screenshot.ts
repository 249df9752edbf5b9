import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KgError } from '../../util/errors.js';
import { launchChromium } from './chromium.js';

export interface ScreenshotOptions {
  width?: number;
  height?: number;
}

/** Opens a viewer page written by writeHtml in headless Chromium and saves a PNG of it. */
export async function screenshot(
  htmlPath: string,
  pngPath: string,
  { width = 1600, height = 1000 }: ScreenshotOptions = {},
): Promise<void> {
  if (!existsSync(htmlPath)) {
    throw new KgError('E_NOT_FOUND', 'no viewer page to take a picture of', { file: htmlPath });
  }
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height }, reducedMotion: 'reduce' });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(resolve(htmlPath)).href);
    await page
      .waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 15_000 })
      .catch(() => {
        throw new KgError('E_EXPORT', `the viewer did not start: ${errors[0] ?? 'timeout'}`, {
          file: htmlPath,
        });
      });
    await page.screenshot({ path: pngPath });
  } finally {
    await browser.close();
  }
}
