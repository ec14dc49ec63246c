import type { Classification, ClassifyContext } from '../model/incident.js';

export function classify(_text: string, _context: ClassifyContext = {}): Classification {
  throw new Error('classify: not implemented yet');
}
