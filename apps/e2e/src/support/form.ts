// Driving <policy-report-form> the way a member of staff does: by its visible labels (playwright's
// locators pierce the open shadow root). No reaching into the component's internals.
import type { Browser, Locator, Page } from 'playwright-core';

export const form = (page: Page): Locator => page.locator('policy-report-form');

/** Waits until the element is upgraded and has rendered its form. */
export async function formReady(page: Page): Promise<void> {
  await form(page)
    .getByRole('button', { name: /Send report|Anfon yr adroddiad/ })
    .waitFor();
}

export interface ReportAnswers {
  atRisk?: 'Yes' | 'No';
  platform?: string;
  postUrl?: string;
  location?: RegExp;
  text?: string;
  reporterName?: string;
  reporterRole?: string;
}

/** Fills a complete, valid report; the text is typed key by key so the live check runs as it would. */
export async function fillReport(page: Page, answers: ReportAnswers = {}): Promise<void> {
  const f = form(page);
  await f
    .getByRole('group', { name: 'Is anyone at risk right now?' })
    .getByLabel(answers.atRisk ?? 'No', { exact: true })
    .check();
  await f.getByLabel('Where was it posted?').selectOption({ label: answers.platform ?? 'Facebook' });
  if (answers.postUrl !== undefined) await f.getByLabel('Link to the post (optional)').fill(answers.postUrl);
  await f.getByLabel(answers.location ?? /On the practice’s own page/).check();
  const text = f.getByLabel('The text of the post');
  await text.click();
  await text.pressSequentially(answers.text ?? 'Waited 40 minutes again today, the service here is a joke.', {
    delay: 5,
  });
  await f.getByLabel('Your name').fill(answers.reporterName ?? 'Sam Jones');
  if (answers.reporterRole) await f.getByLabel('Your role (optional)').fill(answers.reporterRole);
}

export const submitButton = (page: Page): Locator =>
  form(page).getByRole('button', { name: /Send report|Sending…|Anfon yr adroddiad|Wrthi’n anfon…/ });

/** The reference number on the confirmation, once it shows. */
export async function reference(page: Page, timeout = 20_000): Promise<string> {
  const shown = form(page).locator('[data-reference]');
  await shown.waitFor({ timeout });
  return (await shown.innerText()).trim();
}

/** The category ids the live panel lists right now. */
export function liveCategories(page: Page): Promise<string[]> {
  return form(page)
    .locator('[part="classification"] [data-category]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-category') ?? ''));
}

/**
 * A realistic screenshot of a social media post, rendered by Chromium itself: a real PNG whose
 * bytes the test can hash and compare with what the API stores.
 */
export async function postScreenshot(browser: Browser, text: string): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 520, height: 260 }, deviceScaleFactor: 1 });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#f0f2f5;font-family:Arial,sans-serif">
      <div id="post" style="margin:16px;padding:16px;background:#fff;border-radius:8px;box-shadow:0 1px 2px #0003;width:456px">
        <div style="display:flex;gap:10px;align-items:center">
          <div style="width:40px;height:40px;border-radius:50%;background:#8a9ba8"></div>
          <div><b style="color:#050505">Local Community Noticeboard</b>
          <div style="color:#65676b;font-size:13px">2h · Public</div></div>
        </div>
        <p style="font-size:15px;color:#050505;line-height:1.4">${text}</p>
        <div style="border-top:1px solid #ced0d4;padding-top:8px;color:#65676b;font-size:14px">👍 12 · 💬 7 comments</div>
      </div></body></html>`);
    return await page.locator('#post').screenshot({ type: 'png' });
  } finally {
    await page.close();
  }
}

export interface SavedDraft {
  text: string;
  pending: boolean;
  idempotencyKey: string;
  screenshots: { name: string; type: string; size: number; sha256: string }[];
}

/** What the form has kept on this device (IndexedDB), with each screenshot Blob's SHA-256. */
export function savedDrafts(page: Page): Promise<SavedDraft[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('policy-report-form');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('drafts')) return [];
    const rows = await new Promise<
      {
        fields: { text: string };
        pending: unknown;
        idempotencyKey: string;
        screenshots: { name: string; type: string; size: number; blob: Blob }[];
      }[]
    >((resolve, reject) => {
      const req = db.transaction('drafts').objectStore('drafts').getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const hex = (buffer: ArrayBuffer) =>
      Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
    return Promise.all(
      rows.map(async (row) => ({
        text: row.fields.text,
        pending: row.pending !== null,
        idempotencyKey: row.idempotencyKey,
        screenshots: await Promise.all(
          row.screenshots.map(async (shot) => ({
            name: shot.name,
            type: shot.type,
            size: shot.size,
            sha256: hex(await crypto.subtle.digest('SHA-256', await shot.blob.arrayBuffer())),
          })),
        ),
      })),
    );
  });
}

/** Whether the thumbnail canvas for `name` has been painted with the picture (not left blank). */
export function thumbnailPainted(page: Page, name: string): Promise<boolean> {
  return form(page)
    .getByRole('img', { name })
    .evaluate((canvas) => {
      const c = canvas as HTMLCanvasElement;
      const context = c.getContext('2d');
      if (!context || c.width === 0 || c.height === 0) return false;
      const { data } = context.getImageData(0, 0, c.width, c.height);
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
      return false;
    });
}
