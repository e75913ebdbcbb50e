/**
 * deck.gl decides whether a binary attribute changed by the identity of its descriptor object
 * ({value, size}), not of the typed array inside (deck.gl 9 Attribute.setBinaryValue). A fresh
 * descriptor on every render re-uploads every column, even when only a selection ring or a label
 * changed. One descriptor per typed array keeps unchanged columns on the GPU.
 */

export interface BinaryAttribute {
  value: Float32Array | Uint8Array;
  size: number;
  normalized?: boolean;
}

const descriptors = new WeakMap<Float32Array | Uint8Array, BinaryAttribute>();

export function binaryAttribute(value: Float32Array | Uint8Array, size: number, normalized = false): BinaryAttribute {
  let d = descriptors.get(value);
  if (!d || d.size !== size || Boolean(d.normalized) !== normalized) {
    d = normalized ? { value, size, normalized } : { value, size };
    descriptors.set(value, d);
  }
  return d;
}
