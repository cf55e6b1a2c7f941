#!/usr/bin/env node
/* global URL, process */
// Writes apps/engine-sim/corpus/threadweaver-math.jsonl: the spec's Figure-6 example (verbatim from
// the canonical SFT text) followed by the team-written problems. Run: node apps/engine-sim/tools/generate-corpus.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BASIC } from './problems-basic.mjs';
import { FLAWED } from './problems-flawed.mjs';
import { LONG } from './problems-long.mjs';
import { MULTI } from './problems-multi.mjs';

const FIG6 = fileURLToPath(new URL('../corpus/fig6-canonical-sft-text.txt', import.meta.url));
const OUT = fileURLToPath(new URL('../corpus/threadweaver-math.jsonl', import.meta.url));

function fig6Entry() {
  const text = readFileSync(FIG6, 'utf8');
  const userOpen = '<|im_start|>user\n';
  const turnEnd = '<|im_end|>\n<|im_start|>assistant\n';
  const problemStart = text.indexOf(userOpen) + userOpen.length;
  const problemEnd = text.indexOf(turnEnd);
  const trajectory = text.slice(problemEnd + turnEnd.length, text.lastIndexOf('<|im_end|>'));
  return { id: 'fig6-quadratic', problem: text.slice(problemStart, problemEnd), answer: '5', trajectory };
}

const entries = [fig6Entry(), ...BASIC, ...MULTI, ...LONG, ...FLAWED];
writeFileSync(OUT, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
process.stdout.write(`wrote ${entries.length} entries to ${OUT}\n`);
