import { Hono } from 'hono';

// Owned by the widgets work: serves /widgets/policy-widgets.js and its content-hashed twin.
export const assets = new Hono();
