// Incident reads shared by the queue and the incident screen, cached by version so going back and
// forth between them does not fetch what has not changed.
import { api } from '../api/client.js';
import type { Incident, IncidentSummary, TimelineEntry } from '../api/types.js';

const details = new Map<string, Incident>();

export const incidentPath = (ods: string, id: string) =>
  `/practices/${ods}/incidents/${encodeURIComponent(id)}`;

/** The incident with availableEvents; from cache when the summary says it has not changed. */
export async function incidentDetail(ods: string, id: string, knownUpdatedAt?: string): Promise<Incident> {
  const cached = details.get(id);
  if (cached && knownUpdatedAt && cached.updatedAt === knownUpdatedAt) return cached;
  const incident = await api<Incident>(incidentPath(ods, id));
  details.set(id, incident);
  return incident;
}

export function remember(incident: Incident): void {
  details.set(incident.id, incident);
}

export function cachedDetail(id: string): Incident | undefined {
  return details.get(id);
}

export function timeline(ods: string, id: string): Promise<TimelineEntry[]> {
  return api<{ items: TimelineEntry[] }>(`${incidentPath(ods, id)}/events`).then((page) => page.items);
}

/** Details of many incidents, a few at a time (the browser's connection limit, the server's fairness). */
export async function detailsOf(ods: string, summaries: readonly IncidentSummary[], concurrency = 6) {
  const result = new Map<string, Incident>();
  let next = 0;
  const worker = async () => {
    while (next < summaries.length) {
      const summary = summaries[next++];
      if (!summary) break;
      try {
        result.set(summary.id, await incidentDetail(ods, summary.id, summary.updatedAt));
      } catch {
        // Shown without deadlines; the incident screen will say what is wrong.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, summaries.length) }, worker));
  return result;
}
