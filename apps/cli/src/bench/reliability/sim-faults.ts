/** Faults a simulator injected by kind, read from its `sim_faults_injected_total{kind}` counter. */
async function injectedFaults(engineUrl: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const response = await fetch(`${engineUrl.replace(/\/+$/, '')}/metrics`);
  for (const line of (await response.text()).split('\n')) {
    const match = /^sim_faults_injected_total\{[^}]*kind="([^"]+)"[^}]*\} (\d+)/.exec(line);
    if (match !== null) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return counts;
}

/** The injected faults of every simulator, summed by kind. */
export async function injectedFaultsOf(engineUrls: readonly string[]): Promise<Map<string, number>> {
  const total = new Map<string, number>();
  for (const url of engineUrls) {
    for (const [kind, count] of await injectedFaults(url)) total.set(kind, (total.get(kind) ?? 0) + count);
  }
  return total;
}
