import { Hono } from 'hono';

// Owned by the widgets work: becomes the realistic demo practice page that embeds the widgets.
export const demo = new Hono().get('/demo', (c) =>
  c.html('<!doctype html><html lang="en-GB"><title>Demo practice</title><h1>Demo practice</h1></html>'),
);
