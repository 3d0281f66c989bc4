// The few protobuf wire-format primitives the sample pass needs; pprof-format does the rest.
//
// Every read is bounded by the end of the enclosing message: a length that is negative or
// runs past it, a varint longer than ten bytes or one whose value is not a safe integer is a
// WireError naming the byte where it starts. Nothing moves the cursor backwards, so a walk
// over a message is linear in its size whatever the bytes say.

/** Bytes that are not well-formed protobuf; `offset` is where the bad item starts. */
export class WireError extends RangeError {
  constructor(
    readonly offset: number,
    detail: string,
  ) {
    super(`protobuf ${detail.replace('%', `at byte ${offset}`)}`)
    this.name = 'WireError'
  }
}

/** A cursor over protobuf bytes. Throws WireError when a field is malformed or runs past the end. */
export class WireReader {
  pos: number
  end: number

  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    this.pos = start
    this.end = end
  }

  /** Points the cursor at [start, end) of the same bytes. */
  reset(start: number, end: number): void {
    this.pos = start
    this.end = end
  }

  /** True while bytes remain. */
  more(): boolean {
    return this.pos < this.end
  }

  /**
   * Reads a varint as a signed int64 in a double, negative values (ten-byte encodings)
   * negative; throws unless the value is a safe integer (|v| < 2^53).
   */
  varint(): number {
    const buf = this.buf
    if (this.pos >= this.end)
      throw new WireError(this.pos, 'varint % runs past the end of the message')
    let b = buf[this.pos++]
    if (b < 0x80) return b
    let result = b & 0x7f
    let mul = 0x80
    for (let i = 1; i < 10; i++) {
      if (this.pos >= this.end) {
        throw new WireError(this.pos - i, 'varint % runs past the end of the message')
      }
      b = buf[this.pos++]
      if (i === 9 || (i === 8 && b >= 0x80)) return this.slowVarint(i)
      result += (b & 0x7f) * mul
      if (b < 0x80) {
        if (result > Number.MAX_SAFE_INTEGER) {
          throw new WireError(this.pos - i - 1, 'varint % is not a safe integer')
        }
        return result
      }
      mul *= 0x80
    }
    throw new WireError(this.pos - 10, 'varint % is longer than ten bytes')
  }

  /** Re-reads a long varint with BigInt so that int64 wrap-around is exact. */
  private slowVarint(consumed: number): number {
    const first = this.pos - consumed - 1
    const v = this.bigVarint(first)
    const n = Number(BigInt.asIntN(64, v))
    if (!Number.isSafeInteger(n)) throw new WireError(first, 'varint % is not a safe integer')
    return n
  }

  /** The unsigned value of the varint at `first` (within end); leaves the cursor after it. */
  private bigVarint(first: number): bigint {
    let at = first
    let v = 0n
    let shift = 0n
    for (;;) {
      if (at >= this.end) throw new WireError(first, 'varint % runs past the end of the message')
      if (shift >= 70n) throw new WireError(first, 'varint % is longer than ten bytes')
      const b = this.buf[at++]
      v |= BigInt(b & 0x7f) << shift
      shift += 7n
      if (b < 0x80) break
    }
    this.pos = at
    return v
  }

  /** Reads a varint of any size as an unsigned 64-bit value in hex (an address). */
  hex(): string {
    return BigInt.asUintN(64, this.bigVarint(this.pos)).toString(16)
  }

  /** Reads a tag; returns [field number, wire type]. */
  tag(): [number, number] {
    const t = this.varint()
    return [Math.floor(t / 8), t & 7]
  }

  /** Reads a length prefix and returns the [start, end) of the payload. */
  bytes(): [number, number] {
    const end = this.lengthEnd()
    const start = this.pos
    this.pos = end
    return [start, end]
  }

  /** Reads a length prefix; returns where the payload ends (it starts at `pos`). */
  lengthEnd(): number {
    const at = this.pos
    const length = this.varint()
    const end = this.pos + length
    if (length < 0 || end > this.end) {
      throw new WireError(at, 'length % runs past the end of the message')
    }
    return end
  }

  /** Skips one field of the given wire type. */
  skip(wireType: number): void {
    const at = this.pos
    switch (wireType) {
      case 0:
        // Any value: a skipped number (an address, a label's) need not be a safe integer.
        this.bigVarint(at)
        return
      case 1:
        this.pos += 8
        break
      case 2:
        this.pos = this.lengthEnd()
        return
      case 5:
        this.pos += 4
        break
      default:
        throw new WireError(at, `field % has wire type ${wireType}, which protobuf does not have`)
    }
    if (this.pos > this.end) throw new WireError(at, 'field % runs past the end of the message')
  }
}
