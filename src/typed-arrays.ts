// Typed-array helpers: growing tables filled one entry at a time (sample ranges, stacks),
// and views of the same kind on another buffer (the compiled fold's memory).

type Growable = Uint32Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>

/** A copy of `a` in a larger array of the same kind (twice as long by default). */
export function grown<A extends Growable>(a: A, size = 2 * a.length): A {
  const b = new (a.constructor as new (length: number) => A)(size)
  b.set(a)
  return b
}

/** A view of `a.length` elements of `a`'s kind on `buffer` from `byteOffset`. */
export function viewOf<A extends Uint32Array | Int32Array | Float64Array>(
  a: A,
  buffer: ArrayBuffer,
  byteOffset: number,
): A {
  return new (a.constructor as new (b: ArrayBuffer, offset: number, length: number) => A)(
    buffer,
    byteOffset,
    a.length,
  )
}
