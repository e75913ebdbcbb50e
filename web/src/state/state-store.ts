/**
 * A store of one immutable state whose readers subscribe to a slice of it: `watch` tells a reader
 * only when what it selected changed, so a map move (a new view) reaches the map's own readers and
 * no one else. The app's store (store.ts) is one of these, written to the URL; React reads slices
 * through useAppState there.
 */

type Listener = () => void;

/** Whether two values are the same, or plain objects or arrays whose own entries are the same (Object.is). */
export function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export class StateStore<S extends object> {
  private state: S;
  private readonly listeners = new Set<Listener>();

  constructor(initial: S) {
    this.state = initial;
  }

  get = (): S => this.state;

  /** Hears every change, whatever it touched. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Hears a change only when `select` gives a value `equal` calls different from the one before.
   * `select` may be swapped between calls (a component's selector is a new function each render),
   * so it is read through a getter.
   */
  watch<T>(select: () => (s: S) => T, onChange: Listener, equal: (a: T, b: T) => boolean = Object.is): () => void {
    let last = select()(this.state);
    return this.subscribe(() => {
      const next = select()(this.state);
      if (equal(last, next)) return;
      last = next;
      onChange();
    });
  }

  update = (change: Partial<S> | ((s: S) => Partial<S>)): void => {
    const patch = typeof change === 'function' ? change(this.state) : change;
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  };
}
