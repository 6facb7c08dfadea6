import { once } from 'node:events'
import { crc32, createDeflate } from 'node:zlib'

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
/** Rows go to zlib in batches of about this many bytes (few round trips, little extra memory). */
const BATCH_BYTES = 4 << 20

function chunk(type: 'IHDR' | 'IDAT' | 'IEND', data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))) >>> 0, 0)
  return Buffer.concat([head, data, crc])
}

/**
 * An opaque RGBA image (`width` x `height`, 4 bytes a pixel, rows top to bottom) as PNG: 8-bit
 * RGBA, every row filtered "None", deflated at `level` by Node's zlib off the thread.
 *
 * Why not the canvas's own `encode('png')`: Skia tries five filters on every row and deflates at
 * level 6, which for a board of 38 M pixels costs 1.2 to 1.8 s of CPU; a board is flat colour,
 * which compresses well unfiltered, and the level is the caller's (docs/performance.md).
 * Premultiplied pixels are written as they are: the caller makes sure every pixel is opaque,
 * where premultiplied and straight are the same.
 * @example const png = await encodePng(canvas.data(), canvas.width, canvas.height)
 */
export async function encodePng(
  rgba: Buffer,
  width: number,
  height: number,
  level = 6,
): Promise<Buffer> {
  const stride = width * 4
  if (rgba.length !== stride * height) throw new RangeError('pixels do not match the size')
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bits per channel
  header[9] = 6 // RGBA
  // compression, filter method and interlace: 0
  const deflate = createDeflate({ level, chunkSize: 1 << 20 })
  const parts: Buffer[] = []
  deflate.on('data', (part: Buffer) => parts.push(part))
  const ended = once(deflate, 'end')
  const rowsPerBatch = Math.max(1, Math.floor(BATCH_BYTES / (stride + 1)))
  for (let y = 0; y < height; y += rowsPerBatch) {
    const rows = Math.min(rowsPerBatch, height - y)
    const batch = Buffer.allocUnsafe(rows * (stride + 1))
    for (let r = 0; r < rows; r++) {
      const at = r * (stride + 1)
      batch[at] = 0 // filter: None
      rgba.copy(batch, at + 1, (y + r) * stride, (y + r + 1) * stride)
    }
    if (!deflate.write(batch)) await once(deflate, 'drain')
  }
  deflate.end()
  await ended
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', Buffer.concat(parts)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * Makes the right column and bottom row opaque by laying them on white, as a viewer shows them: a
 * canvas whose size is not a whole number of scene pixels covers them only in part. Everything
 * else of a board image lies under the scene's opaque white ground. Works on premultiplied RGBA.
 */
export function opaqueEdges(rgba: Buffer, width: number, height: number): void {
  const flatten = (i: number) => {
    const a = rgba[i + 3]!
    if (a === 255) return
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.min(255, rgba[i + c]! + 255 - a)
    rgba[i + 3] = 255
  }
  for (let y = 0; y < height; y++) flatten((y * width + width - 1) * 4)
  for (let x = 0; x < width; x++) flatten(((height - 1) * width + x) * 4)
}
