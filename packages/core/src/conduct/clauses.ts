import type { ConductClauseId, Locale } from '../model/constants.js';
import type { PracticeSettings } from '../model/settings.js';

export interface ConductClause {
  id: ConductClauseId;
  text: Record<Locale, string>;
}

/** The practice's enabled clauses, in its order, with its rewording applied. */
export function conductClauses(_settings: PracticeSettings): ConductClause[] {
  throw new Error('conductClauses: not implemented yet');
}
