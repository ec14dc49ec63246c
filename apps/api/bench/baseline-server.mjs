// The baseline every API figure is divided by: a bare Hono app answering `c.json` of a ~0.4 KB
// object on the same @hono/node-server, in its own process like the API under test.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const payload = {
  name: 'Riverside Medical Practice',
  ods: 'Y90001',
  locale: 'en-GB',
  policyUrl: 'https://riverside.example.nhs.uk/policies/social-media',
  lastReviewed: '2026-01-15',
  clauses: [
    { id: 'devices_courtesy', text: 'Please use phones and devices considerately.' },
    { id: 'reviews_channel', text: 'Leave reviews on the NHS website, where we can reply.' },
  ],
  channels: { complaints: 'https://riverside.example.nhs.uk/complaints', urgent: 'NHS 111' },
};

// The same bare app serving a body the size of a practice's public config (~6 KB), to tell how much
// of the API's gap to the baseline is the payload rather than the API's own work.
const sized = JSON.stringify({
  ...payload,
  clauses: Array.from({ length: 33 }, () => payload.clauses).flat(),
});
const app = new Hono()
  .get('/hello', (c) => c.json(payload))
  .get('/sized', (c) => {
    c.header('Content-Type', 'application/json; charset=UTF-8');
    return c.body(sized);
  });
const server = serve(
  { fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 0) },
  (info) => {
    process.send?.({
      ready: true,
      port: info.port,
      bytes: JSON.stringify(payload).length,
      sizedBytes: sized.length,
    });
  },
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
