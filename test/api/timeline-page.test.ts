// The timeline page in a real browser (Debian's chromium driven by playwright-core) against the API
// process and a live stack: key entered once, a request followed live, one bar per thread, folded text.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROOT } from '../support/corpus.js';
import { FIGURE6 } from '../support/figure6.js';
import { bearer, KEYS } from './support/api-keys.js';
import { corpusBatchLines } from './support/corpus-lines.js';
import { MODEL, startApiStack, type ApiStack } from './support/api-stack.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// `THREADLOOM_SCREENSHOT=docs npx vitest run --project system test/api/timeline-page.test.ts` refreshes the README picture.
const SCREENSHOT =
  process.env['THREADLOOM_SCREENSHOT'] === 'docs'
    ? resolve(ROOT, 'docs/timeline.png')
    : resolve(ROOT, '.tmp/timeline.png');

interface PresentedBlock {
  readonly threads: readonly { readonly number: string; readonly machine: string }[];
}

describe('timeline page', () => {
  let env: ApiStack;
  let userDataDir: string;
  let context: BrowserContext;
  let page: Page;
  const requestedUrls: string[] = [];
  const eventStreamAuth: (string | undefined)[] = [];

  beforeAll(async () => {
    env = await startApiStack({
      redisUrl: inject('redisUrl'),
      keyPrefix: '{tl-timeline-page}',
      machines: 3,
      timeScale: 1,
    });
    userDataDir = await mkdtemp(join(tmpdir(), 'threadloom-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('request', (request) => {
      requestedUrls.push(request.url());
      if (request.url().endsWith('/events')) eventStreamAuth.push(request.headers()['authorization']);
    });
  });
  afterAll(async () => {
    await context?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
    await env?.stop();
  });

  async function submit(): Promise<string> {
    const response = await fetch(`${env.api.url}/v1/reasoning`, {
      method: 'POST',
      headers: { Authorization: bearer(KEYS.alice), 'Content-Type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: FIGURE6.problem }], model: MODEL }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  it('follows a running request live and ends with one bar per thread and the folded text', async () => {
    const id = await submit();
    await page.goto(`${env.api.url}/ui/#request=${id}`);
    await page.fill('#api-key', KEYS.alice);
    await page.click('#key-form button[type=submit]');

    // Live: a call is drawn as running before the request finishes.
    await page.waitForSelector('#gantt g.row[data-state="running"]', { timeout: 20_000 });
    const liveEvents = Number(await page.getAttribute('#gantt svg', 'data-events'));
    await page.waitForSelector('#final-text details', { timeout: 60_000 });
    const finalEvents = Number(await page.getAttribute('#gantt svg', 'data-events'));
    expect(finalEvents).toBeGreaterThan(liveEvents);

    const response = await fetch(`${env.api.url}/v1/reasoning/${id}`, {
      headers: { Authorization: bearer(KEYS.alice) },
    });
    const done = (await response.json()) as { status: string; result: { blocks: PresentedBlock[] } };
    expect(done.status).toBe('completed');
    const threads = done.result.blocks.flatMap((block) => block.threads);
    const bars = page.locator('#gantt g.row[data-kind="thread"]');
    expect(await bars.count()).toBe(threads.length);
    expect(await page.locator('#gantt g.row[data-kind="thread"][data-state="completed"]').count()).toBe(threads.length);
    const machines = await Promise.all((await bars.all()).map((bar) => bar.getAttribute('data-machine')));
    expect(new Set(machines)).toEqual(new Set(threads.map((thread) => thread.machine)));
    expect(await bars.first().locator('title').textContent()).toMatch(
      /time to first token .* decode .*\n\d+ tokens generated/,
    );
    expect(await page.locator('#gantt g.row[data-kind="thread"] rect.queue').count()).toBeGreaterThan(0);
    expect(await page.locator('#gantt rect.decode').count()).toBeGreaterThan(threads.length);
    expect(await page.locator('#final-text > details').count()).toBe(done.result.blocks.length);
    expect(await page.locator('#detail-facts').textContent()).toContain('completed');
    await page.click('#final-text > details > summary'); // unfold the first block for the picture
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('lists the request with its status and speedup, keeps the key out of every URL and asks again on a bad key', async () => {
    await page.goto(`${env.api.url}/ui/#`);
    const row = page.locator('#requests tbody tr').first();
    await row.locator('text=completed').waitFor({ timeout: 10_000 });
    expect(await row.textContent()).toMatch(/×/);

    // How often the page (re)opens the stream depends on timing; which key it sends does not.
    expect(new Set(eventStreamAuth)).toEqual(new Set([bearer(KEYS.alice)]));
    expect(requestedUrls.filter((url) => url.includes(KEYS.alice))).toEqual([]);

    await page.click('#forget-key');
    await page.fill('#api-key', 'tl-not-a-key');
    await page.click('#key-form button[type=submit]');
    await page.locator('#key-error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.isVisible('#lists')).toBe(false);
  });

  async function list(path: string, key: string | undefined) {
    const headers: Record<string, string> = key === undefined ? {} : { Authorization: bearer(key) };
    const response = await fetch(`${env.api.url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as { data: { id: string }[] } };
  }

  it('lists recent requests and batches per tenant, newest first, with a validated limit', async () => {
    const first = await submit();
    const second = await submit();
    const batch = await fetch(`${env.api.url}/v1/batches`, {
      method: 'POST',
      headers: { Authorization: bearer(KEYS.alice), 'Content-Type': 'application/json' },
      body: JSON.stringify(corpusBatchLines(1)),
    });
    expect(batch.status).toBe(202);
    const batchId = ((await batch.json()) as { id: string }).id;

    const requests = await list('/v1/reasoning?limit=2', KEYS.reader); // same tenant, read scope
    expect(requests.status).toBe(200);
    expect(requests.body.data.map((item) => item.id)).toEqual([second, first]);
    const all = await list('/v1/reasoning', KEYS.alice);
    expect(all.body.data.length).toBeGreaterThanOrEqual(3);
    expect(all.body.data[0]).toMatchObject({ id: second, object: 'reasoning.request' });
    expect(all.body.data[0]).not.toHaveProperty('result');
    const batches = await list('/v1/batches', KEYS.alice);
    expect(batches.body.data.map((item) => item.id)).toEqual([batchId]);
    expect(batches.body.data[0]).toMatchObject({ object: 'batch', request_counts: { total: 1 } });

    expect((await list('/v1/reasoning', KEYS.bob)).body.data).toEqual([]);
    expect((await list('/v1/batches', KEYS.bob)).body.data).toEqual([]);
    expect((await list('/v1/reasoning', undefined)).status).toBe(401);
    for (const bad of ['0', '101', 'x']) {
      const refused = await list(`/v1/reasoning?limit=${bad}`, KEYS.alice);
      expect(refused.status, bad).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('limit');
    }
  });
});
