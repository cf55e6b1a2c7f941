import pLimit from 'p-limit';

/**
 * Maps `items` with at most `limit` calls in flight (`p-limit`); results keep the input order. After
 * the first rejection no new call starts, and the map rejects with that error once the calls in flight
 * have settled, so a caller can undo what they did.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const run = pLimit(limit);
  let failure: { readonly error: unknown } | undefined;
  const results = await Promise.all(
    items.map((item, index) =>
      run(async (): Promise<R | undefined> => {
        if (failure !== undefined) return undefined;
        try {
          return await map(item, index);
        } catch (error) {
          failure ??= { error };
          return undefined;
        }
      }),
    ),
  );
  if (failure !== undefined) throw failure.error;
  return results as R[];
}
