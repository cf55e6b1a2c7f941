import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { findFreePort, portIsFree } from './free-port.js';

describe('portIsFree', () => {
  it('is false while something listens on the port and true once it has closed', async () => {
    const port = await findFreePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    expect(await portIsFree(port)).toBe(false);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await portIsFree(port)).toBe(true);
  });
});
