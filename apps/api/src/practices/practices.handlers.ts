import type { RouteHandler } from '@hono/zod-openapi';
import type { PracticeSettings, PracticeSettingsInput } from '@policy/core';
import type { PracticeRecord, PracticeSettingsRecord } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import { publicOf, settingsFrom } from './practice-config.js';
import type { createPracticeRoute, getPracticeRoute, updatePracticeRoute } from './practices.routes.js';

/**
 * PATCH semantics: arrays (staff, clauses, socialAccounts…) and scalars replace; nested objects
 * (complaints, icb, conduct…) merge one level. A change to the conduct clauses without a new
 * `conduct.version` bumps it, so patients who dismissed the banner see the new code of conduct.
 */
function mergeSettings(stored: PracticeSettings, patch: Record<string, unknown>): PracticeSettings {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    const before = merged[key];
    merged[key] =
      value && typeof value === 'object' && !Array.isArray(value) && before && typeof before === 'object'
        ? { ...before, ...value }
        : value;
  }
  const conductPatch = patch.conduct as { clauses?: unknown; version?: string } | undefined;
  if (conductPatch?.clauses !== undefined && conductPatch.version === undefined) {
    const changed = JSON.stringify(conductPatch.clauses) !== JSON.stringify(stored.conduct.clauses);
    const version = Number.parseInt(stored.conduct.version, 10);
    if (changed)
      (merged.conduct as { version: string }).version = Number.isFinite(version)
        ? String(version + 1)
        : `${stored.conduct.version}.1`;
  }
  return merged as unknown as PracticeSettings;
}

const view = (row: PracticeSettingsRecord) => ({
  ods: row.ods,
  name: row.name,
  settings: JSON.parse(row.settings) as Record<string, unknown>,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export const createPractice: RouteHandler<typeof createPracticeRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const { store, clock } = c.get('deps');
  const settings = settingsFrom({
    ...(body.settings as Partial<PracticeSettingsInput>),
    ods: body.ods,
    name: body.name,
  });
  const now = clock().toISOString();
  const row = await store.write(() => {
    if (store.practice(body.ods))
      throw new ApiError(409, `A practice with ODS code ${body.ods} already exists.`);
    const values = {
      ods: body.ods,
      name: body.name,
      settings: JSON.stringify(settings),
      ...publicOf(settings),
      createdAt: now,
      updatedAt: now,
      createdBy: c.get('principal').keyId,
      updatedBy: c.get('principal').keyId,
    };
    store.insertPractice(values);
    return store.practice(body.ods) as PracticeRecord;
  });
  c.header('Location', `/v1/practices/${row.ods}`);
  return c.json(view(row), 201);
};

export const getPractice: RouteHandler<typeof getPracticeRoute, AppEnv> = (c) =>
  c.json(view(c.get('practice')), 200);

export const updatePractice: RouteHandler<typeof updatePracticeRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const { store, clock } = c.get('deps');
  const ods = c.get('practice').ods;
  const row = await store.write(() => {
    const current = store.practice(ods) as PracticeRecord;
    const stored = JSON.parse(current.settings) as PracticeSettings;
    const name = body.name ?? current.name;
    const settings = settingsFrom({ ...mergeSettings(stored, body.settings ?? {}), ods, name });
    store.updatePractice(ods, {
      name,
      settings: JSON.stringify(settings),
      ...publicOf(settings),
      updatedAt: clock().toISOString(),
      updatedBy: c.get('principal').keyId,
    });
    return store.practice(ods) as PracticeRecord;
  });
  return c.json(view(row), 200);
};
