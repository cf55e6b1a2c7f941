/** How many requests are terminal before kill `index` (0-based) of `kills` goes out: evenly over the batch's first two thirds. */
export function killTarget(index: number, kills: number, requests: number): number {
  return Math.floor((2 * requests * index) / (3 * kills));
}
