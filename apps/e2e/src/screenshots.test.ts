// Screenshots come in three ways — the file picker, drag and drop, paste — and only real pictures
// within the limits get in. Files are given to the page as a person's browser would hand them over
// (a DataTransfer on a drop or paste event); the form does the rest.

import { axeViolations } from '@policy/test-support/axe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openProbe } from './support/browser.js';
import { sha256 } from './support/db.js';
import { form, formReady, postScreenshot, savedDrafts, thumbnailPainted } from './support/form.js';
import { type Stack, startStack } from './support/stack.js';

let browser: Browser;
let stack: Stack;
let png: Buffer;

beforeAll(async () => {
  [browser, stack] = await Promise.all([launchBrowser(), startStack()]);
  png = await postScreenshot(browser, 'A post worth keeping.');
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/**
 * Dispatches a drop (on the drop zone) or paste (on the text field) carrying these files; says
 * whether the form cancelled the event (i.e. kept the browser from pasting as it would).
 */
async function handOver(
  page: Page,
  how: 'drop' | 'paste',
  files: { name: string; type: string; base64: string }[],
  withText?: string,
): Promise<boolean> {
  const target =
    how === 'drop' ? form(page).locator('[part="dropzone"]') : form(page).getByLabel('The text of the post');
  return target.evaluate(
    (element, { how, files, withText }) => {
      const data = new DataTransfer();
      for (const file of files) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], file.name, { type: file.type }));
      }
      if (withText) data.setData('text/plain', withText);
      if (how === 'drop')
        element.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      const event =
        how === 'drop'
          ? new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true })
          : new ClipboardEvent('paste', {
              clipboardData: data,
              bubbles: true,
              cancelable: true,
              composed: true,
            });
      element.dispatchEvent(event);
      return event.defaultPrevented;
    },
    { how, files, withText },
  );
}

const asFile = (name: string, bytes: Buffer, type = 'image/png') => ({
  name,
  type,
  base64: bytes.toString('base64'),
});

describe('screenshots', () => {
  it('takes pictures by drag and drop and by paste, shows thumbnails, and keeps the exact bytes', async () => {
    const url = stack.page('/staff/shots', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      await handOver(page, 'drop', [asFile('dropped.png', png)]);
      await form(page).getByRole('img', { name: 'dropped.png' }).waitFor();
      // A copied screenshot arrives as "image.png": the form names it after the time instead.
      await handOver(page, 'paste', [asFile('image.png', png)]);
      const pasted = form(page).getByRole('img', {
        name: /^screenshot-\d{4}-\d{2}-\d{2}-\d{6}-2\.png$/,
      });
      await pasted.waitFor();
      await expect.poll(() => thumbnailPainted(page, 'dropped.png')).toBe(true);
      expect(await form(page).getByRole('status').innerText()).toMatch(/Screenshot added/);
      await expect
        .poll(async () => (await savedDrafts(page))[0]?.screenshots.map((s) => s.sha256))
        .toEqual([sha256(png), sha256(png)]);
      expect(await axeViolations(page)).toEqual([]);

      // Remove keeps the keyboard user in place: focus lands on the next remove button.
      await form(page).getByRole('button', { name: 'Remove dropped.png' }).click();
      expect(await form(page).getByRole('img', { name: 'dropped.png' }).count()).toBe(0);
      const focusedLabel = await page.evaluate(
        () =>
          document.activeElement?.shadowRoot?.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      );
      expect(focusedLabel).toMatch(/^Remove screenshot-/);
      await expect.poll(async () => (await savedDrafts(page))[0]?.screenshots.length).toBe(1);
      expect(probe.errors).toEqual([]);
    } finally {
      await probe.close();
    }
  });

  it('takes the picture from a paste but leaves text pasted with it to the browser', async () => {
    const url = stack.page('/staff/shots-text', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      // A screenshot alone: the form takes it and stops the browser pasting anything else.
      expect(await handOver(page, 'paste', [asFile('image.png', png)])).toBe(true);
      // Copied from a web page (words and a picture): the picture is added, the words still paste.
      expect(await handOver(page, 'paste', [asFile('image.png', png)], 'copied words')).toBe(false);
      await expect
        .poll(() =>
          form(page)
            .getByRole('img', { name: /^screenshot-/ })
            .count(),
        )
        .toBe(2);
      // Text alone is none of the form's business.
      expect(await handOver(page, 'paste', [], 'just words')).toBe(false);
    } finally {
      await probe.close();
    }
  });

  it('refuses files that are not PNG, JPEG or WebP by their bytes, over 5 MB, or beyond five, saying which', async () => {
    const url = stack.page('/staff/shots-refused', { body: stack.formTag() });
    const probe = await openProbe(browser);
    const { page } = probe;
    try {
      await page.goto(url);
      await formReady(page);
      const picker = form(page).getByLabel('Add screenshots');
      // A PDF named .png, and a "PNG" whose bytes are only the signature (it does not decode).
      await picker.setInputFiles([
        { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n') },
        {
          name: 'broken.png',
          mimeType: 'image/png',
          buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        },
      ]);
      const errorLines = form(page).locator('[part="section section-screenshots"] .error-message');
      const errors = {
        allInnerTexts: async () =>
          (await errorLines.allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim()),
      };
      await expect
        .poll(() => errors.allInnerTexts())
        .toEqual([
          'Error: notes.png must be a PNG, JPEG or WebP picture',
          'Error: broken.png must be a PNG, JPEG or WebP picture',
        ]);
      expect(await picker.getAttribute('aria-describedby')).toContain('e-screenshots');
      expect(await axeViolations(page)).toEqual([]);

      const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
      await picker.setInputFiles([{ name: 'huge.png', mimeType: 'image/png', buffer: big }]);
      await expect.poll(() => errors.allInnerTexts()).toEqual(['Error: huge.png must be smaller than 5 MB']);

      await picker.setInputFiles(
        Array.from({ length: 6 }, (_, i) => ({
          name: `shot-${i + 1}.png`,
          mimeType: 'image/png',
          buffer: png,
        })),
      );
      await expect.poll(() => errors.allInnerTexts()).toEqual(['Error: You can add up to 5 screenshots']);
      expect(await form(page).locator('[part="screenshots"] li').count()).toBe(5);
      expect(await form(page).getByRole('img', { name: 'shot-6.png' }).count()).toBe(0);
    } finally {
      await probe.close();
    }
  });
});
