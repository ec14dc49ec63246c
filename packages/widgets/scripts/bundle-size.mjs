// `npm run bench -w @policy/widgets`: min+gzip sizes of the embed bundle against quality.md budgets.
// - all components: dist/policy-widgets.js, the one module every page loads (quality.md lets the
//   report form load its extra parts lazily; each lazy chunk is listed, with the worst case of a
//   page that ends up loading all of them);
// - patient path: a build of src/patient.ts alone (banner + complaint guide + Lit), made here in
//   memory with the same vite config, since the embed bundle also registers the report form.
// Exits non-zero if either is over budget.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = join(packageDir, 'dist');
const KB = 1024;
const BUDGETS = { patient: 15 * KB, all: 30 * KB };

const gz = (code) => gzipSync(code, { level: 9 }).length;
const fmt = (bytes) => `${(bytes / KB).toFixed(2)} KB`;

if (!existsSync(join(dist, 'policy-widgets.js'))) {
  console.error('dist/policy-widgets.js is missing: run `npm run build -w @policy/widgets` first.');
  process.exit(1);
}
const entry = readFileSync(join(dist, 'policy-widgets.js'));
const chunkDir = join(dist, 'chunks');
const chunks = existsSync(chunkDir)
  ? readdirSync(chunkDir).map((name) => ({ name, code: readFileSync(join(chunkDir, name)) }))
  : [];
// A chunk the entry imports statically (`import … from "./chunks/x.js"`, not `import("…")`) loads
// with it on every page: it counts towards the entry's budget, not as a lazy part.
const staticChunkNames = new Set(
  [
    ...entry.toString('utf8').matchAll(/(?:import|export)\s*[^;()]*?from\s*["'`]\.\/chunks\/([^"'`]+)["'`]/g),
  ].map((match) => match[1]),
);
const eager = chunks.filter((chunk) => staticChunkNames.has(chunk.name));
const eagerMin = entry.length + eager.reduce((sum, chunk) => sum + chunk.code.length, 0);
const eagerGz = gz(entry) + eager.reduce((sum, chunk) => sum + gz(chunk.code), 0);
const allMin = entry.length + chunks.reduce((sum, chunk) => sum + chunk.code.length, 0);
const allGz = gz(entry) + chunks.reduce((sum, chunk) => sum + gz(chunk.code), 0);

const output = await build({
  root: packageDir,
  configFile: join(packageDir, 'vite.config.ts'),
  logLevel: 'silent',
  build: {
    write: false,
    lib: { entry: 'src/patient.ts', formats: ['es'], fileName: () => 'patient.js' },
    rolldownOptions: { output: { minify: true, codeSplitting: false } },
  },
});
const outputs = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output ?? []);
// Deduplicated by file name: the build result can list the same chunk more than once.
const patientChunks = new Map(
  outputs.filter((item) => item.type === 'chunk').map((item) => [item.fileName, item.code]),
);
const patientCode = [...patientChunks.values()].join('\n');
const patientGz = gz(patientCode);

const rows = [
  [
    'patient path (banner + complaint guide + Lit)',
    Buffer.byteLength(patientCode),
    patientGz,
    BUDGETS.patient,
  ],
  [
    `all components: embed entry dist/policy-widgets.js${eager.length > 0 ? ` + ${eager.length} static chunk(s)` : ''}`,
    eagerMin,
    eagerGz,
    BUDGETS.all,
  ],
  ...chunks.map((chunk) => [
    `  ${staticChunkNames.has(chunk.name) ? 'static' : 'lazy'} chunk ${chunk.name}`,
    chunk.code.length,
    gz(chunk.code),
    undefined,
  ]),
  [`  worst case: entry + all ${chunks.length} lazy chunk(s)`, allMin, allGz, undefined],
];
let failed = false;
console.log(`widgets bundle size — node ${process.version}, ${new Date().toISOString()}`);
for (const [label, min, gzip, budget] of rows) {
  const verdict =
    budget === undefined
      ? ''
      : gzip <= budget
        ? `ok (budget ${fmt(budget)}, ${((gzip / budget) * 100).toFixed(0)}%)`
        : `OVER budget ${fmt(budget)}`;
  if (budget !== undefined && gzip > budget) failed = true;
  console.log(
    `${label.padEnd(52)} min ${fmt(min).padStart(10)}  min+gzip ${fmt(gzip).padStart(9)}  ${verdict}`,
  );
}
process.exit(failed ? 1 : 0);
