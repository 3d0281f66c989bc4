// The few protobuf wire-format primitives the sample pass needs; pprof-format does the rest.

/** A cursor over protobuf bytes. Throws RangeError when a field runs past the end. */
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
   * Reads a varint as a signed int64 in a double: exact up to 2^53, and negative values
   * (ten-byte encodings) come back negative, not as huge unsigned numbers.
   */
  varint(): number {
    const buf = this.buf
    let b = buf[this.pos++]
    if (b < 0x80) return b
    let result = b & 0x7f
    let mul = 0x80
    for (let i = 1; i < 10; i++) {
      if (this.pos >= this.end) throw new RangeError('varint runs past the end')
      b = buf[this.pos++]
      if (i === 9 || (i === 8 && b >= 0x80)) return this.slowVarint(i)
      result += (b & 0x7f) * mul
      if (b < 0x80) return result
      mul *= 0x80
    }
    throw new RangeError('varint longer than ten bytes')
  }

  /** Re-reads a long varint with BigInt so that int64 wrap-around is exact. */
  private slowVarint(consumed: number): number {
    let start = this.pos - consumed - 1
    let v = 0n
    let shift = 0n
    for (;;) {
      const b = this.buf[start++]
      v |= BigInt(b & 0x7f) << shift
      shift += 7n
      if (b < 0x80 || shift >= 70n) break
    }
    this.pos = start
    return Number(BigInt.asIntN(64, v))
  }

  /** Reads a tag; returns [field number, wire type]. */
  tag(): [number, number] {
    const t = this.varint()
    return [Math.floor(t / 8), t & 7]
  }

  /** Reads a length prefix and returns the [start, end) of the payload. */
  bytes(): [number, number] {
    const len = this.varint()
    const start = this.pos
    this.pos += len
    if (this.pos > this.end) throw new RangeError('field runs past the end')
    return [start, this.pos]
  }

  /** Reads a length prefix; returns where the payload ends (it starts at `pos`). */
  lengthEnd(): number {
    const length = this.varint()
    const end = this.pos + length
    if (end > this.end) throw new RangeError('field runs past the end')
    return end
  }

  /** Skips one field of the given wire type. */
  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.varint()
        return
      case 1:
        this.pos += 8
        break
      case 2:
        this.bytes()
        return
      case 5:
        this.pos += 4
        break
      default:
        throw new RangeError(`unknown wire type ${wireType}`)
    }
    if (this.pos > this.end) throw new RangeError('field runs past the end')
  }
}
