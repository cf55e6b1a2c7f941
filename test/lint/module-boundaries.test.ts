// Proves the dependency rule is enforced: each planted import must make lint fail.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface PlantedImport {
  readonly into: string;
  readonly statement: string;
  readonly rule: string;
}

const plantedImports: readonly PlantedImport[] = [
  {
    into: 'libs/threading',
    statement: "import { Injectable } from '@nestjs/common';",
    rule: '@nx/enforce-module-boundaries',
  },
  { into: 'libs/rewards', statement: "import { Queue } from 'bullmq';", rule: '@nx/enforce-module-boundaries' },
  { into: 'libs/threading', statement: "import Redis from 'ioredis';", rule: '@nx/enforce-module-boundaries' },
  { into: 'libs/rewards', statement: "import OpenAI from 'openai';", rule: '@nx/enforce-module-boundaries' },
  { into: 'libs/threading', statement: "import { readFileSync } from 'node:fs';", rule: 'no-restricted-imports' },
  { into: 'libs/rewards', statement: "import { readFileSync } from 'fs';", rule: 'no-restricted-imports' },
  {
    into: 'libs/threading',
    statement: "import { devstackMarker } from '@threadloom/devstack';",
    rule: '@nx/enforce-module-boundaries',
  },
  {
    into: 'libs/rewards',
    statement: "import { appMarker } from '@threadloom/cli';",
    rule: '@nx/enforce-module-boundaries',
  },
];

// The planted file is new to the TypeScript program typed rules use; the boundary rules need no types.
const untypedOverride = [
  tseslint.configs.disableTypeChecked,
  { languageOptions: { parserOptions: { project: false, projectService: false } } },
];
let plantCount = 0;

async function lintPlanted(planted: PlantedImport): Promise<string[]> {
  const file = resolve(root, planted.into, 'src', `planted-violation-${process.pid}-${nextPlant()}.ts`);
  writeFileSync(file, `${planted.statement}\nexport const planted = 1;\n`);
  try {
    const eslint = new ESLint({ cwd: root, overrideConfig: untypedOverride });
    const [result] = await eslint.lintFiles([file]);
    // A parse failure has no rule id; report its message so a broken plant cannot pass silently.
    return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
  } finally {
    rmSync(file, { force: true });
  }
}

function nextPlant(): number {
  plantCount += 1;
  return plantCount;
}

describe('module boundaries', () => {
  beforeAll(() => {
    // The Nx rule reads the cached project graph and silently skips without one.
    execFileSync(resolve(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: root,
      env: { ...process.env, NX_DAEMON: 'false' },
    });
  });

  it.each(plantedImports)('rejects $statement in $into', async (planted) => {
    const rules = await lintPlanted(planted);
    expect(rules).toContain(planted.rule);
  });

  it('accepts a domain library importing another domain library', async () => {
    const rules = await lintPlanted({
      into: 'libs/rewards',
      statement: "import type { Dialect } from '@threadloom/threading';",
      rule: '',
    });
    expect(rules.filter((rule) => rule.includes('boundaries') || rule === 'no-restricted-imports')).toEqual([]);
  });
});
