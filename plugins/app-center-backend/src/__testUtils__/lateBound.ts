/**
 * Stands for an object that a `beforeAll` of the enclosing describe block makes, so that the block can name
 * it (destructure it from its fixture) before it exists: each use reads the object `get` gives at that time.
 */
export function lateBound<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = get();
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    has: (_, key) => Reflect.has(get(), key),
  });
}
