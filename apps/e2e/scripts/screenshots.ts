// `npm run screenshots -w @policy/e2e`: pictures of the report form in each state, for
// docs/screenshots/, taken from the real stack (API + SQLite + built bundle + Chromium).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, openProbe } from '../src/support/browser.js';
import { fillReport, form, formReady, postScreenshot, reference, submitButton } from '../src/support/form.js';
import { reportsTakeScreenshots, startStack } from '../src/support/stack.js';

const out = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });

const POST = 'Dr Raman is a useless idiot and the receptionists are no better. Disgrace of a surgery.';

const browser = await launchBrowser({ britishUi: true });
const stack = await startStack();
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${out}report-form-${name}.png`, fullPage: true });
  console.log(`docs/screenshots/report-form-${name}.png`);
};

try {
  const url = stack.page('/staff/report', { body: stack.formTag() });
  const welshUrl = stack.page('/staff/report-cy', { body: stack.formTag('lang="cy"'), lang: 'cy' });
  const png = await postScreenshot(browser, 'Dr Raman is a useless idiot. Never going back.');

  {
    const { page, close } = await openProbe(browser, { viewport: { width: 900, height: 900 } });
    await page.goto(url);
    await formReady(page);
    await shot(page, 'empty');
    await submitButton(page).click();
    await shot(page, 'errors');
    await close();
  }
  {
    const { page, close } = await openProbe(browser, { viewport: { width: 900, height: 900 } });
    await page.goto(url);
    await formReady(page);
    await fillReport(page, { text: POST, postUrl: 'https://www.facebook.com/groups/millbrook/posts/1' });
    await form(page)
      .getByLabel('Add screenshots')
      .setInputFiles({ name: 'facebook-post.png', mimeType: 'image/png', buffer: png });
    await form(page).getByRole('img', { name: 'facebook-post.png' }).waitFor();
    await page.waitForTimeout(900);
    await shot(page, 'live-categories');
    await form(page)
      .getByRole('group', { name: 'Is anyone at risk right now?' })
      .getByLabel('Yes', { exact: true })
      .check();
    await form(page).getByRole('group', { name: 'Is anyone at risk right now?' }).scrollIntoViewIfNeeded();
    await shot(page, 'at-risk');
    // Until the reports endpoint takes multipart, send this one without its picture.
    if (!(await reportsTakeScreenshots(stack.apiUrl)))
      await form(page).getByRole('button', { name: 'Remove facebook-post.png' }).click();
    await page.context().setOffline(true);
    await submitButton(page).click();
    await form(page).locator('[part="pending"]').waitFor();
    await shot(page, 'offline-pending');
    await page.context().setOffline(false);
    await reference(page);
    await shot(page, 'success');
    await close();
  }
  {
    const { page, close } = await openProbe(browser, { viewport: { width: 900, height: 900 } });
    await page.goto(welshUrl);
    await form(page).getByRole('button', { name: 'Anfon yr adroddiad' }).waitFor();
    await form(page).getByRole('button', { name: 'Anfon yr adroddiad' }).click();
    await shot(page, 'welsh-errors');
    await close();
  }
  {
    // A pasted post over core's limit: kept whole, counted, refused with the count.
    const { page, close } = await openProbe(browser, { viewport: { width: 900, height: 900 } });
    await page.goto(url);
    await formReady(page);
    await fillReport(page, { text: 'x' });
    const text = form(page).getByLabel('The text of the post');
    await text.fill('');
    await text.focus();
    await page.keyboard.insertText(`${POST} `.repeat(Math.ceil(20_800 / (POST.length + 1))).slice(0, 20_800));
    await submitButton(page).click();
    await shot(page, 'text-too-long');
    await close();
  }
  {
    // A key that is not allowed on this website: said plainly, kept, not retried.
    const { key } = (await stack.admin(`/v1/practices/${stack.ods}/keys`, {
      type: 'report',
      allowedOrigins: ['https://www.millbrook-lane.example'],
      label: 'another website',
    })) as { key: string };
    const refusedUrl = stack.page('/staff/refused', {
      body: `<policy-report-form practice="${stack.ods}" report-key="${key}" api="${stack.apiUrl}"></policy-report-form>`,
    });
    const { page, close } = await openProbe(browser, { viewport: { width: 900, height: 700 } });
    await page.goto(refusedUrl);
    await formReady(page);
    await fillReport(page, { text: POST });
    await submitButton(page).click();
    await form(page).locator('[part="pending"]').waitFor();
    await shot(page, 'origin-refused');
    await close();
  }
  {
    // A phone: nothing wider than the screen, answers wrap whole.
    const { page, close } = await openProbe(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(welshUrl);
    await form(page).getByRole('button', { name: 'Anfon yr adroddiad' }).waitFor();
    await shot(page, 'welsh-phone');
    await close();
  }
} finally {
  await browser.close();
  await stack.close();
}
