// The practice's settings, read once per session: business hours for "time left", the roster,
// the clauses. Staff may not read settings; they get the policy's default hours (what the API
// uses when a practice sets none).
import { type BusinessCalendar, calendarFor, DEFAULT_BUSINESS_HOURS } from '@policy/core';
import { api } from '../api/client.js';
import type { Practice } from '../api/types.js';

const cache = new Map<string, Promise<Practice | undefined>>();

export function practiceOf(ods: string, refresh = false): Promise<Practice | undefined> {
  let found = cache.get(ods);
  if (!found || refresh) {
    found = api<Practice>(`/practices/${ods}`).catch(() => undefined);
    cache.set(ods, found);
  }
  return found;
}

export async function calendarOf(ods: string): Promise<BusinessCalendar> {
  const practice = await practiceOf(ods);
  return calendarFor({
    businessHours: practice?.settings.businessHours ?? DEFAULT_BUSINESS_HOURS,
    closedDates: practice?.settings.closedDates ?? [],
  });
}
