/** Adds a value to the list kept under a key, in place (building lists by spreading is quadratic on long logs). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
