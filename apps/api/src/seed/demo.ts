import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { PracticeSettings, PracticeSettingsInput } from '@policy/core';
import type { Store } from '../db/store.js';
import { generateKey, issueKey, sha256Hex } from '../http/auth.js';
import { publicOf, settingsFrom } from '../practices/practice-config.js';
import { hashPasswordSync } from '../services/people/passwords.js';
import { PeopleStore } from '../services/people/people-store.js';

// A fictional practice for `npm start` (POLICY_DEMO=1). Names, numbers (Ofcom's 01632 960xxx drama
// range) and domains (.example) are invented.

export const DEMO_ODS = 'Y90001';

/**
 * The demo's report key: generated at the first start and kept in a 0600 file beside the database, so
 * the /demo page embeds the same key across restarts and a revoked key stays revoked. Report keys are
 * publishable by design (a practice puts its key in its own web page), but a key in the source would
 * be the same on every installation. Delete the file to be given a new key.
 */
export function demoReportKey(file: string): string {
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const key = readFileSync(file, 'utf8').trim();
    if (/^rk_[A-Za-z0-9_-]{20,200}$/.test(key)) return key;
  }
  const key = generateKey('report');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export const DEMO_SETTINGS: PracticeSettingsInput = {
  ods: DEMO_ODS,
  name: 'Riverside Green Surgery',
  website: 'https://www.riversidegreen-surgery.example',
  locale: 'en-GB',
  phone: '01632 960000',
  address: '1 Mill Lane, Riverside Green, Northshire NS1 4AB',
  complaints: {
    procedureUrl: 'https://www.riversidegreen-surgery.example/complaints',
    email: 'complaints@riversidegreen-surgery.example',
    phone: '01632 960001',
    leafletUrl: 'https://www.riversidegreen-surgery.example/complaints-leaflet.pdf',
  },
  icb: {
    name: 'NHS Northshire Integrated Care Board',
    url: 'https://www.northshire-icb.example/complaints',
    email: 'complaints@northshire-icb.example',
    phone: '01632 960100',
  },
  reviews: {
    nhsWebsiteUrl: 'https://www.nhs.example/services/gp-surgery/riverside-green-surgery/Y90001/ratings',
  },
  appointments: {
    nhsApp: true,
    onlineConsultationUrl: 'https://www.riversidegreen-surgery.example/online-consultation',
    phone: '01632 960000',
  },
  socialAccounts: [
    {
      platform: 'facebook',
      handle: 'RiversideGreenSurgery',
      url: 'https://www.facebook.example/RiversideGreenSurgery',
      postedBy: ['practice manager', 'community engagement lead'],
    },
    { platform: 'x', handle: '@RiversideGreenGP', postedBy: ['practice manager'] },
  ],
  conduct: {
    clauses: [],
    policyUrl: 'https://www.riversidegreen-surgery.example/social-media-policy',
    lastReviewed: '2026-09-01',
    version: '1',
  },
  staff: [
    { name: 'Dr Priya Raman', role: 'GP partner', aliases: ['Dr Raman', 'Dr Priya', 'Dr R'] },
    { name: 'Dr Tom Okonjo', role: 'GP partner', aliases: ['Dr Okonjo', 'Dr Tom'] },
    { name: 'Helen Marsh', role: 'practice manager', aliases: ['Helen'] },
    { name: 'Jade Whitlock', role: 'practice nurse', aliases: ['Nurse Jade', 'Jade'] },
    { name: 'Sam Adeyemi', role: 'receptionist', aliases: ['Sam'] },
  ],
  // The demo only: a newcomer signs in with the printed password, no authenticator needed.
  security: { requireTwoFactor: false },
};

/** The demo practice manager's sign-in; a new password is set (and printed) at each start. */
export const DEMO_MANAGER = { email: 'manager@riverside-green.example', name: 'Helen Marsh' } as const;

export interface DemoKeys {
  ods: string;
  reportKey: string;
  /** The report key was revoked (by an admin): it stays revoked, and the demo cannot file reports. */
  reportKeyRevoked: boolean;
  apiKey: string;
  adminKey?: string;
  /** The demo manager's desk sign-in (password new this start). */
  manager: { email: string; password: string };
}

/**
 * Makes the demo manager's account (or gives it a new password: the old one stops working and its
 * sessions end), and keeps two-factor off for the demo practice if its stored settings predate it.
 */
function seedDemoManager(store: Store, now: Date): DemoKeys['manager'] {
  const people = new PeopleStore(store.db);
  const practice = store.practice(DEMO_ODS);
  const settings = JSON.parse(practice?.settings ?? '{}') as Partial<PracticeSettings>;
  if (practice && settings.security === undefined) {
    const next = { ...settings, security: { requireTwoFactor: false } } as PracticeSettings;
    store.updatePractice(DEMO_ODS, {
      name: practice.name,
      settings: JSON.stringify(next),
      ...publicOf(next),
      updatedAt: now.toISOString(),
      updatedBy: 'demo-seed',
    });
  }
  const password = `demo-${randomBytes(12).toString('base64url')}`;
  const passwordHash = hashPasswordSync(password);
  const at = now.toISOString();
  const existing = people.userByEmail(DEMO_MANAGER.email);
  if (existing) {
    people.updateUser(existing.id, { passwordHash, passwordChangedAt: at, disabledAt: null, updatedAt: at });
    people.deleteSessionsOf(existing.id);
  } else
    people.insertUser({
      id: `usr_${randomUUID()}`,
      practiceOds: DEMO_ODS,
      email: DEMO_MANAGER.email,
      name: DEMO_MANAGER.name,
      role: 'manager',
      passwordHash,
      passwordChangedAt: at,
      createdAt: at,
      createdBy: 'demo-seed',
      updatedAt: at,
      updatedBy: 'demo-seed',
    });
  return { email: DEMO_MANAGER.email, password };
}

/**
 * Creates the demo practice if missing (leaving any later edits alone), adds these origins to the
 * demo report key (issuing it if new; a revoked one stays revoked), and issues a fresh demo API key (and admin key, unless an operator
 * gave one) — secret keys are shown once, so each start prints new ones and revokes the last.
 */
export function seedDemo(
  store: Store,
  options: { origins: string[]; now: Date; issueAdminKey: boolean; reportKey: string },
): DemoKeys {
  const now = options.now.toISOString();
  return store.transaction(() => {
    if (!store.practice(DEMO_ODS)) {
      const settings = settingsFrom(DEMO_SETTINGS);
      store.insertPractice({
        ods: DEMO_ODS,
        name: settings.name,
        settings: JSON.stringify(settings),
        ...publicOf(settings),
        createdAt: now,
        updatedAt: now,
        createdBy: 'demo-seed',
        updatedBy: 'demo-seed',
      });
    }
    const report = store.keyByHash(sha256Hex(options.reportKey));
    if (report) {
      const origins = new Set([...(JSON.parse(report.allowedOrigins) as string[]), ...options.origins]);
      store.updateKey(report.id, { allowedOrigins: JSON.stringify([...origins]) });
    } else {
      issueKey(
        store,
        {
          type: 'report',
          practices: [DEMO_ODS],
          scopes: [],
          allowedOrigins: options.origins,
          label: 'demo-report',
          secret: options.reportKey,
          createdBy: 'demo-seed',
        },
        options.now,
      );
    }
    for (const type of ['api', 'admin'] as const)
      for (const key of store.activeKeysOfType(type))
        if (key.label === `demo-${type}`) store.updateKey(key.id, { revokedAt: now, revokedBy: 'demo-seed' });
    const api = issueKey(
      store,
      {
        type: 'api',
        practices: [DEMO_ODS],
        scopes: ['incidents:read', 'incidents:write', 'settings:write', 'reports:read'],
        allowedOrigins: [],
        label: 'demo-api',
        createdBy: 'demo-seed',
      },
      options.now,
    );
    const admin = options.issueAdminKey
      ? issueKey(
          store,
          {
            type: 'admin',
            practices: [],
            scopes: [],
            allowedOrigins: [],
            label: 'demo-admin',
            createdBy: 'demo-seed',
          },
          options.now,
        )
      : undefined;
    return {
      ods: DEMO_ODS,
      reportKey: options.reportKey,
      reportKeyRevoked: Boolean(report?.revokedAt),
      apiKey: api.key,
      ...(admin ? { adminKey: admin.key } : {}),
      manager: seedDemoManager(store, options.now),
    };
  });
}
