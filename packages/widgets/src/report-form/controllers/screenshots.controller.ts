import { MAX_EVIDENCE_BYTES, MAX_SCREENSHOTS } from '@policy/core/limits';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fill } from '../../shared/i18n.js';
import { newId, type Screenshot, sniffImageType } from '../model.js';
import type { Strings } from '../strings.js';

export interface ScreenshotsOptions {
  /** Pictures may be added or removed only while the report is being written. */
  editable(): boolean;
  strings(): Strings;
  /** The list changed (added or removed): keep the draft, clear a "screenshots" error. */
  changed(): void;
  /** Say what happened to screen readers. */
  announce(message: string): void;
  /** The host's shadow root, where the thumbnails and buttons are. */
  root(): ParentNode;
}

/** "5 MB" for core's evidence limit (5 MiB), as people read file sizes. */
export const formatSize = (bytes: number): string =>
  bytes >= 1024 * 1024
    ? `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** `2026-11-25-093015` in the device's time, for naming pasted screenshots. */
const pastedStamp = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
};

const extensionOf = (type: string): string => ({ 'image/jpeg': 'jpg', 'image/webp': 'webp' })[type] ?? 'png';

/**
 * The screenshots attached to a report: chosen, dropped or pasted; checked by their bytes against
 * core's limits (`MAX_SCREENSHOTS`, `MAX_EVIDENCE_BYTES`, `EVIDENCE_IMAGE_TYPES`); decoded once and
 * drawn into canvases (no blob: or data: URLs, so a strict img-src policy is no obstacle).
 */
export class ScreenshotsController implements ReactiveController {
  list: Screenshot[] = [];
  /** Problems with the files just added (too big, not a picture, too many). */
  problems: string[] = [];
  dragging = false;

  private bitmaps = new Map<string, ImageBitmap>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ScreenshotsOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.drawThumbnails();
  }

  /** Screenshots from a restored draft: shown again, thumbnails decoded in the background. */
  restore(shots: Screenshot[]): void {
    this.list = shots;
    for (const shot of shots) void this.decode(shot);
    this.host.requestUpdate();
  }

  reset(): void {
    this.list = [];
    this.problems = [];
    for (const bitmap of this.bitmaps.values()) bitmap.close();
    this.bitmaps.clear();
  }

  private async decode(shot: Screenshot): Promise<boolean> {
    if (this.bitmaps.has(shot.id)) return true;
    try {
      // Decoding also proves the file is a picture. Browsers without the resize options (older
      // Safari) still decode at full size.
      const bitmap = await createImageBitmap(shot.blob, { resizeHeight: 192, resizeQuality: 'medium' }).catch(
        () => createImageBitmap(shot.blob),
      );
      this.bitmaps.set(shot.id, bitmap);
      this.host.requestUpdate();
      return true;
    } catch {
      return false;
    }
  }

  private drawThumbnails(): void {
    const canvases = this.options.root().querySelectorAll<HTMLCanvasElement>('canvas[data-shot]');
    for (const canvas of canvases) {
      const id = canvas.dataset.shot ?? '';
      const bitmap = this.bitmaps.get(id);
      if (!bitmap || canvas.dataset.drawn === id) continue;
      const scale = globalThis.devicePixelRatio || 1;
      const width = Math.max(1, Math.round(canvas.clientWidth * scale));
      const height = Math.max(1, Math.round(canvas.clientHeight * scale));
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      if (!context) continue;
      const fit = Math.min(width / bitmap.width, height / bitmap.height);
      const w = bitmap.width * fit;
      const h = bitmap.height * fit;
      context.drawImage(bitmap, (width - w) / 2, (height - h) / 2, w, h);
      canvas.dataset.drawn = id;
    }
  }

  async add(files: readonly File[], source: 'picker' | 'drop' | 'paste'): Promise<void> {
    if (!this.options.editable() || files.length === 0) return;
    const t = this.options.strings();
    const problems: string[] = [];
    const added: Screenshot[] = [];
    for (const file of files) {
      // A pasted screenshot is always "image.png": name it after the moment and its place instead.
      const name =
        source === 'paste' || !file.name
          ? `screenshot-${pastedStamp(new Date())}-${this.list.length + added.length + 1}.${extensionOf(file.type)}`
          : file.name;
      if (this.list.length + added.length >= MAX_SCREENSHOTS) {
        problems.push(fill(t.errScreenshotCount, { max: MAX_SCREENSHOTS }));
        break;
      }
      if (file.size > MAX_EVIDENCE_BYTES) {
        problems.push(fill(t.errScreenshotSize, { name, size: formatSize(MAX_EVIDENCE_BYTES) }));
        continue;
      }
      const type = sniffImageType(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
      const shot: Screenshot | null = type ? { id: newId(), name, type, size: file.size, blob: file } : null;
      if (!shot || !(await this.decode(shot))) {
        problems.push(fill(t.errScreenshotType, { name }));
        continue;
      }
      added.push(shot);
    }
    this.problems = problems;
    if (added.length > 0) {
      this.list = [...this.list, ...added];
      this.options.changed();
    }
    this.host.requestUpdate();
    const said = added.map((shot) => fill(t.screenshotAdded, { name: shot.name }));
    this.options.announce([...said, ...problems].join(' '));
  }

  remove(shot: Screenshot): void {
    const index = this.list.indexOf(shot);
    this.list = this.list.filter((other) => other !== shot);
    this.bitmaps.get(shot.id)?.close();
    this.bitmaps.delete(shot.id);
    this.problems = [];
    this.options.announce(fill(this.options.strings().screenshotRemoved, { name: shot.name }));
    this.options.changed();
    this.host.requestUpdate();
    // Keep the keyboard user in place: the next picture's remove button, else the picker.
    void this.host.updateComplete.then(() => {
      const buttons = this.options.root().querySelectorAll<HTMLButtonElement>('button[data-remove]');
      const next = buttons[Math.min(index, buttons.length - 1)];
      (next ?? this.options.root().querySelector<HTMLInputElement>('#f-screenshots'))?.focus();
    });
  }

  onPick = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = ''; // choosing the same file again after removing it should work
    void this.add(files, 'picker');
  };

  onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
  };

  onDragLeave = (): void => {
    this.setDragging(false);
  };

  onDrop = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    this.setDragging(false);
    void this.add(Array.from(event.dataTransfer.files), 'drop');
  };

  onPaste = (event: ClipboardEvent): void => {
    const data = event.clipboardData;
    if (!data) return;
    const images = Array.from(data.files).filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    // A copied screenshot has no text; text pasted alongside a picture still goes in the field.
    if (!data.types.includes('text/plain')) event.preventDefault();
    void this.add(images, 'paste');
  };

  private setDragging(dragging: boolean): void {
    if (this.dragging === dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }
}
