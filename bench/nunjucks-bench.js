// Times nunjucks renders of a template in process, for scripts/bench-template.sh.
//   node bench/nunjucks-bench.js NUNJUCKS_DIR TEMPLATE VARS.json REPEAT
// With REPEAT 0 it renders once and prints the output (the whole-process measurement and the output check).
'use strict';
const path = require('path');
const fs = require('fs');
const [dir, template, varsFile, repeatText] = process.argv.slice(2);
let nunjucks;
try { nunjucks = require(path.join(dir, 'nunjucks')); } catch (e) { nunjucks = require(dir); }
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([path.dirname(path.resolve(template))]), { autoescape: false });
const vars = JSON.parse(fs.readFileSync(varsFile, 'utf8'));
const repeat = parseInt(repeatText, 10);
const out = env.render(path.resolve(template), vars);
if (repeat === 0) { process.stdout.write(out); process.exit(0); }
for (let i = 0; i < Math.min(repeat, 5); i++) env.render(path.resolve(template), vars);  // warm-up (JIT)
let best = Infinity;
const start = process.hrtime.bigint();
for (let i = 0; i < repeat; i++) {
  const t0 = process.hrtime.bigint();
  env.render(path.resolve(template), vars);
  best = Math.min(best, Number(process.hrtime.bigint() - t0));
}
const mean = Number(process.hrtime.bigint() - start) / repeat;
process.stderr.write(`nunjucks: ${repeat} renders, mean ${(mean / 1e6).toFixed(4)} ms, best ${(best / 1e6).toFixed(4)} ms\n`);
