// Checks every rule table (src/classifier/rules/tables/*.json) against the schema before the build:
// a malformed table stops the build with the table, the rule and what is wrong. The examples are run
// by the tests (tables.test.ts), which need the whole classifier.
//
//   npm run check-tables -w @policy/core     (also the first step of `npm run build`)

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FAMILIES } from '../src/classifier/classify.js';
import { WORD_LISTS } from '../src/classifier/lexicon.js';
import { checkTable, lexiconSchema } from '../src/classifier/rules/tables/schema.js';
import { packageRoot } from './lib/labelled.js';

const dir = join(packageRoot, 'src/classifier/rules/tables');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const tables = files.map((file) => ({
  file,
  json: JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown,
}));
// Patterns may name any table's lists (the matcher merges them), so each table is checked against all.
const lists: Record<string, readonly string[]> = { ...WORD_LISTS };
for (const family of FAMILIES) Object.assign(lists, family.lists ?? {});
for (const { json } of tables) Object.assign(lists, (json as { lists?: object }).lists ?? {});
const errors = tables.flatMap(({ file, json }) => {
  const checked = checkTable(file, json, lists);
  return checked.ok ? [] : checked.errors;
});
const lexicon = lexiconSchema.safeParse(
  JSON.parse(readFileSync(join(packageRoot, 'src/classifier/lexicon.json'), 'utf8')),
);
if (!lexicon.success)
  errors.push(
    ...lexicon.error.issues.map((issue) => `lexicon.json.${issue.path.join('.')}: ${issue.message}`),
  );
if (errors.length > 0) {
  console.error(`rule tables: ${errors.length} problem(s)\n${errors.join('\n')}`);
  process.exit(1);
}
console.log(`rule tables: ${files.length} tables and the lexicon checked`);
