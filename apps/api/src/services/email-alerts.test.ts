import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notifierOf } from '../app.js';
import { createHarness, type Harness, ORIGIN, report, signedInPerson } from '../test-support/harness.js';
import { type Receiver, startReceiver } from '../test-support/receiver.js';
import { defaultWebhookPolicy } from './webhook-guard.js';

// Alert emails through a real SMTP server (smtp-server on loopback): the right addresses, what the
// manager needs, and nothing personal.

interface Mail {
  from: string;
  to: string[];
  raw: string;
  /** Headers and body with quoted-printable soft breaks and escapes undone. */
  text: string;
}

const MANAGER = 'manager@surgery.example.nhs.uk';
const PARTNERS = 'partners@surgery.example.nhs.uk';
/** Written for this test: a threat of violence naming a member of staff. */
const THREAT = report({
  text: 'Dr Quentin Marsh at this surgery will get what is coming to him, I will be waiting by his car with a knife tonight',
  author: { name: 'Morgan Veil', handle: 'veil_m', kind: 'public' },
  reporter: { name: 'Sasha Front-Desk', role: 'receptionist' },
});
const MILD = report({ text: 'Could the surgery open earlier on Saturdays please, it is hard to get in' });

const decodeQuotedPrintable = (raw: string) =>
  raw
    .replace(/\r\n[ \t]+/g, ' ')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

let smtp: SMTPServer;
let smtpUrl: string;
const mails: Mail[] = [];

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          text: Buffer.from(decodeQuotedPrintable(raw), 'latin1').toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  return () => new Promise<void>((resolve) => smtp.close(() => resolve()));
});

let h: Harness | undefined;
let hook: Receiver | undefined;
afterEach(async () => {
  if (h) await notifierOf(h.app).stop(100);
  h?.close();
  h = undefined;
  await hook?.close();
  hook = undefined;
  mails.length = 0;
});

async function setup(withSmtp: boolean) {
  h = createHarness({
    rateLimits: { reports: false, classify: false },
    notifications: {
      start: false,
      policy: defaultWebhookPolicy({ allowPrivate: true }),
      smtp: withSmtp ? { url: smtpUrl, from: 'Policy alerts <alerts@policy.example.nhs.uk>' } : null,
      publicUrl: 'https://policy.example.nhs.uk/',
    },
  });
  const keys = await h.practice('Y92001', { alerts: { emails: [MANAGER, PARTNERS] } });
  hook = await startReceiver();
  const registered = await h.send('POST', '/v1/practices/Y92001/webhooks', {
    key: keys.apiKey,
    body: { url: `${hook.url}/hooks`, events: ['incident.created'] },
  });
  expect(registered.status).toBe(201);
  return { h, keys };
}

async function file(hh: Harness, reportKey: string, body: ReturnType<typeof report>) {
  const filed = await hh.send('POST', '/v1/practices/Y92001/reports', { reportKey, origin: ORIGIN, body });
  expect(filed.status, filed.text).toBe(201);
  return filed.json as { id: string; reference: string; severity: string };
}

const personal = (body: ReturnType<typeof report>) => [
  body.text,
  'Quentin',
  'Marsh',
  body.author?.name ?? '',
  body.author?.handle ?? '',
  body.reporter.name,
  'knife',
  body.postUrl ?? '',
];

describe('email alerts over SMTP', () => {
  it('a critical report emails each alert address at once: reference, severity, categories, deadline, next steps, desk link — no post text or names', async () => {
    const { h: hh, keys } = await setup(true);
    const filed = await file(hh, keys.reportKey, THREAT);
    expect(filed.severity).toBe('critical');
    await notifierOf(hh.app).drain();
    expect(mails.map((mail) => mail.to).sort()).toEqual([[MANAGER], [PARTNERS]]);
    for (const mail of mails) {
      expect(mail.from).toBe('alerts@policy.example.nhs.uk');
      expect(mail.text).toMatch(new RegExp(`Subject: Critical incident ${filed.reference}`));
      expect(mail.text).toContain(`Reference:  ${filed.reference}`);
      expect(mail.text).toContain('Severity:   critical');
      expect(mail.text).toContain('threat of violence or harm');
      expect(mail.text).toMatch(/Deadline: {3}triage by 19:00 on Wednesday 11 March 2026/);
      expect(mail.text).toContain('What to do now:');
      expect(mail.text).toContain(`https://policy.example.nhs.uk/desk/#/incidents/${filed.id}`);
      for (const secret of personal(THREAT)) expect(mail.text, secret).not.toContain(secret);
    }
    // The webhook got it too.
    expect(hook?.received).toHaveLength(1);
  });

  it('below the alert level (medium, default minimum high) no email is sent; the webhook still hears of it', async () => {
    const { h: hh, keys } = await setup(true);
    const filed = await file(hh, keys.reportKey, MILD);
    expect(['low', 'medium']).toContain(filed.severity);
    await notifierOf(hh.app).drain();
    expect(mails).toEqual([]);
    expect(hook?.received).toHaveLength(1);
  });

  it('an incident raised to the alert level by triage emails then, once', async () => {
    const { h: hh, keys } = await setup(true);
    const filed = await file(hh, keys.reportKey, MILD);
    const act = (body: unknown) =>
      hh.send('POST', `/v1/practices/Y92001/incidents/${filed.id}/events`, {
        key: keys.apiKey,
        headers: { 'x-acting-user': 'u-7; role=manager' },
        body,
      });
    const noted = await act({ type: 'add_note', text: 'Checked with reception' });
    expect(noted.status, noted.text).toBe(200);
    await notifierOf(hh.app).drain();
    expect(mails).toEqual([]);
    const triaged = await act({
      type: 'triage',
      categories: ['threat'],
      evidenceUnavailableReason: 'The post was deleted before anyone could capture it',
    });
    expect(triaged.status, triaged.text).toBe(200);
    expect(triaged.json.severity).toBe('critical');
    await notifierOf(hh.app).drain();
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([MANAGER, PARTNERS]);
    expect(mails[0]?.text).toContain(`An incident at Test Surgery Y92001 is now critical severity.`);
    expect(mails[0]?.text).toContain(`Reference:  ${filed.reference}`);
    expect(mails[0]?.text).not.toContain('deleted before anyone');
    const again = await act({ type: 'add_note', text: 'Police informed' });
    expect(again.status).toBe(200);
    await notifierOf(hh.app).drain();
    expect(mails).toHaveLength(2);
  });

  it('without SMTP, alerts still go to webhooks and no email is queued', async () => {
    const { h: hh, keys } = await setup(false);
    expect(notifierOf(hh.app).emailEnabled).toBe(false);
    await file(hh, keys.reportKey, THREAT);
    await notifierOf(hh.app).drain();
    expect(hook?.received).toHaveLength(1);
    expect(
      hh.db.$client.prepare("SELECT count(*) FROM outbox_deliveries WHERE channel = 'email'").pluck().get(),
    ).toBe(0);
    expect(mails).toEqual([]);
  });

  it('sends the morning digest once a day: what is due today and what was missed', async () => {
    const { h: hh, keys } = await setup(true);
    const filed = await file(hh, keys.reportKey, THREAT);
    await notifierOf(hh.app).drain();
    mails.length = 0;
    // Wednesday 11 March, 07:05 (GMT): the triage deadline falls due at 19:00 today.
    hh.advance(Date.parse('2026-03-11T07:05:00.000Z') - hh.now().getTime());
    const notifier = notifierOf(hh.app);
    expect(await notifier.chase(hh.now())).toBe(1);
    expect(await notifier.chase(hh.now())).toBe(0);
    await notifier.drain();
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([MANAGER, PARTNERS]);
    const digest = mails[0]?.text ?? '';
    expect(digest).toContain('1 due today, 0 missed');
    expect(digest).toContain(`${filed.reference} (critical; threat of violence or harm`);
    expect(digest).toContain('triage due by 19:00');
    for (const secret of personal(THREAT)) expect(digest, secret).not.toContain(secret);
  });
});

describe('sign-in emails over the same SMTP server', () => {
  it('a forgotten password emails the person a reset link to the desk, and the link sets a new password', async () => {
    const { h: hh, keys } = await setup(true);
    const person = await signedInPerson(hh, 'Y92001', keys.apiKey, 'staff', 'forgetful@y92001.example');
    const asked = await hh.send('POST', '/v1/password-resets', { body: { email: person.email } });
    expect(asked.status).toBe(202);
    // The email is sent after the answer (its timing must not tell whether the account exists).
    await expect.poll(() => mails.length, { timeout: 5000 }).toBe(1);
    const [mail] = mails;
    expect(mail?.to).toEqual([person.email]);
    expect(mail?.from).toBe('alerts@policy.example.nhs.uk');
    const link = /https:\/\/policy\.example\.nhs\.uk\/desk\/#\/reset\/([A-Za-z0-9_-]+)/.exec(
      mail?.text ?? '',
    );
    expect(link, mail?.text).not.toBeNull();
    const reset = await hh.send('POST', `/v1/password-resets/${link?.[1]}`, {
      body: { password: 'a brand new passphrase 4 me' },
    });
    expect(reset.status, reset.text).toBe(204);
    const signIn = await hh.send('POST', '/v1/session', {
      body: { email: person.email, password: 'a brand new passphrase 4 me' },
    });
    expect(signIn.status, signIn.text).toBe(200);
  });

  it('an unknown address gets the same 202 and no email', async () => {
    const { h: hh } = await setup(true);
    const asked = await hh.send('POST', '/v1/password-resets', { body: { email: 'nobody@y92001.example' } });
    expect(asked.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mails).toEqual([]);
  });
});
