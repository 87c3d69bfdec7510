/**
 * Headless Chromium for the browser tests: Debian's `chromium` driven by
 * playwright-core. Suites skip when it is missing, except with CI=true,
 * where the global setup has already failed the run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TANDEM_TEST_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser suites cannot run here, or undefined when they can (or must, on CI). */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH) || process.env.CI === 'true') return undefined;
  return `Chromium not found at ${CHROMIUM_PATH}; install Debian's chromium or set TANDEM_TEST_CHROMIUM`;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
