// A small zip writer and reader on node:zlib, enough for artifact archives: the writer makes what
// GitHub serves (deflate, sizes in the local headers), the reader accepts what @actions/artifact
// uploads (archiver's streaming zips: data descriptors, sizes only in the central directory).
import { deflateRawSync, inflateRawSync } from 'node:zlib'

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

/** CRC-32 as zip uses it. */
export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  }
}

/** Builds a zip archive (deflated entries, UTF-8 names) from a name → content map. */
export function makeZip(files: Record<string, Buffer | string>, mtime = new Date()): Buffer {
  const { time, date } = dosTime(mtime)
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content) : content
    const nameBuf = Buffer.from(name.replace(/\\/g, '/'), 'utf8')
    const deflated = deflateRawSync(data)
    const method = deflated.length < data.length ? 8 : 0
    const stored = method === 8 ? deflated : data
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(method, 8)
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(stored.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBuf.length, 26)
    local.writeUInt16LE(0, 28)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x0314, 4) // made by: unix, 2.0
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(method, 10)
    central.writeUInt16LE(time, 12)
    central.writeUInt16LE(date, 14)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(stored.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBuf.length, 28)
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38) // external attributes: regular file 0644
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBuf, stored)
    centrals.push(central, nameBuf)
    offset += local.length + nameBuf.length + stored.length
  }
  const cd = Buffer.concat(centrals)
  const count = Object.keys(files).length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(count, 8)
  end.writeUInt16LE(count, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

/** Reads every file of a zip archive (stored or deflated; zip64 sizes understood). */
export function readZip(zip: Buffer): Record<string, Buffer> {
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory record')
  let count = zip.readUInt16LE(eocd + 10)
  let cdOffset: number = zip.readUInt32LE(eocd + 16)
  if (eocd >= 20 && zip.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(zip.readBigUInt64LE(eocd - 20 + 8))
    if (zip.readUInt32LE(z64) !== 0x06064b50) throw new Error('bad zip64 end of central directory')
    count = Number(zip.readBigUInt64LE(z64 + 32))
    cdOffset = Number(zip.readBigUInt64LE(z64 + 48))
  }
  const out: Record<string, Buffer> = {}
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`)
    const method = zip.readUInt16LE(p + 10)
    const crc = zip.readUInt32LE(p + 16)
    let compSize: number = zip.readUInt32LE(p + 20)
    let size: number = zip.readUInt32LE(p + 24)
    const nameLen = zip.readUInt16LE(p + 28)
    const extraLen = zip.readUInt16LE(p + 30)
    const commentLen = zip.readUInt16LE(p + 32)
    let localOffset: number = zip.readUInt32LE(p + 42)
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen)
    // zip64 extended information: only the fields that overflowed are present, in this order.
    let e = p + 46 + nameLen
    const extraEnd = e + extraLen
    while (e + 4 <= extraEnd) {
      const id = zip.readUInt16LE(e)
      const len = zip.readUInt16LE(e + 2)
      if (id === 0x0001) {
        let q = e + 4
        if (size === 0xffffffff) {
          size = Number(zip.readBigUInt64LE(q))
          q += 8
        }
        if (compSize === 0xffffffff) {
          compSize = Number(zip.readBigUInt64LE(q))
          q += 8
        }
        if (localOffset === 0xffffffff) localOffset = Number(zip.readBigUInt64LE(q))
      }
      e += 4 + len
    }
    p = extraEnd + commentLen
    if (name.endsWith('/')) continue
    if (zip.readUInt32LE(localOffset) !== 0x04034b50) throw new Error(`bad local header: ${name}`)
    const start =
      localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28)
    const raw = zip.subarray(start, start + compSize)
    let data: Buffer
    if (method === 0) data = Buffer.from(raw)
    else if (method === 8) data = inflateRawSync(raw)
    else throw new Error(`unsupported compression method ${method}: ${name}`)
    if (data.length !== size) throw new Error(`size mismatch: ${name}`)
    if (crc32(data) !== crc) throw new Error(`CRC mismatch: ${name}`)
    out[name] = data
  }
  return out
}
