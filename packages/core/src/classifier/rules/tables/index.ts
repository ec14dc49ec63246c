// Every rule table, for the tests, the scripts and evidence explanations. The families import their
// own table directly.

import abusive from './abusive.json' with { type: 'json' };
import clinical from './clinical.json' with { type: 'json' };
import concernSignals from './concern-signals.json' with { type: 'json' };
import criticalBackstop from './critical-backstop.json' with { type: 'json' };
import defamatory from './defamatory.json' with { type: 'json' };
import discriminatory from './discriminatory.json' with { type: 'json' };
import harm from './harm.json' with { type: 'json' };
import links from './links.json' with { type: 'json' };
import { meaningsOf, type RuleTable, ruleTable } from './load.js';
import misinformation from './misinformation.json' with { type: 'json' };
import patientIdentifiable from './patient-identifiable.json' with { type: 'json' };
import phoneNumbers from './phone-numbers.json' with { type: 'json' };
import recording from './recording.json' with { type: 'json' };
import service from './service.json' with { type: 'json' };
import staffRoles from './staff-roles.json' with { type: 'json' };
import threat from './threat.json' with { type: 'json' };

export const RULE_TABLES: readonly RuleTable[] = [
  ruleTable(abusive),
  ruleTable(clinical),
  ruleTable(concernSignals),
  ruleTable(criticalBackstop),
  ruleTable(defamatory),
  ruleTable(discriminatory),
  ruleTable(harm),
  ruleTable(links),
  ruleTable(misinformation),
  ruleTable(patientIdentifiable),
  ruleTable(phoneNumbers),
  ruleTable(recording),
  ruleTable(service),
  ruleTable(staffRoles),
  ruleTable(threat),
];

/** What each rule id means, in a sentence a practice manager would understand. */
export const RULE_MEANINGS: ReadonlyMap<string, string> = meaningsOf(RULE_TABLES);
