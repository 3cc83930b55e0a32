/** One of the items at random; undefined when there are none. */
export function randomItem<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}
