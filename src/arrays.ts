/**
 * `target.push(...items)` passes every item as an argument: past some 100k
 * items (a 20,000-neighbor config's lines, a 1M-entry list, as many
 * diagnostics) that overflows the call stack. pushAll appends in a loop.
 */
export function pushAll<T>(target: T[], items: readonly T[]): T[] {
  for (let i = 0; i < items.length; i++) target.push(items[i]!);
  return target;
}
