// Driving the desk the way a person does: by visible labels and roles (playwright's locators pierce
// open shadow roots). TOTP codes come from otpauth, from the secret the desk shows.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/screenshots');

export const totp = (secret: string, at = Date.now()): string =>
  new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({
    timestamp: at,
  });

/** A code from the next 30-second step: the server refuses a code already used (replay). */
export const nextCode = (secret: string): string => totp(secret, Date.now() + 30_000);

/** Waits until the desk has shown a screen whose heading matches. */
export async function screen(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 20_000 });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `desk-${name}.png`), fullPage: true });
}

export async function signIn(page: Page, deskUrl: string, email: string, password: string, secret?: string) {
  await page.goto(`${deskUrl}#/sign-in`);
  await screen(page, 'Sign in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (secret) {
    await page.getByLabel('Security code').waitFor();
    await page.getByLabel('Security code').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Continue' }).click();
  }
}
