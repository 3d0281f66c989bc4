// Growing typed arrays, for tables filled one entry at a time (sample ranges, stacks).

type Growable = Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>

/** A copy of `a` in a larger array of the same kind (twice as long by default). */
export function grown<A extends Growable>(a: A, size = 2 * a.length): A {
  const b = new (a.constructor as new (length: number) => A)(size)
  b.set(a)
  return b
}
