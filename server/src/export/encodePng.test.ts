import { createCanvas, loadImage } from '@napi-rs/canvas'
import { describe, expect, it } from 'vitest'
import { encodePng, opaqueEdges } from './encodePng.js'

describe('encodePng', () => {
  it('writes a PNG that decodes to the canvas pixels, in RGBA order', async () => {
    const canvas = createCanvas(301, 67)
    const ctx = canvas.getContext('2d')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, 301, 67)
    ctx.fillStyle = '#cf2e1a'
    ctx.fillRect(10, 5, 100, 40)
    ctx.fillStyle = '#2b8a3e'
    ctx.font = '20px sans-serif'
    ctx.fillText('Sparboard 42', 120, 40)
    const png = await encodePng(canvas.data(), 301, 67)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    const image = await loadImage(png)
    const back = createCanvas(301, 67).getContext('2d')
    back.drawImage(image, 0, 0)
    expect(back.getImageData(0, 0, 301, 67).data).toEqual(ctx.getImageData(0, 0, 301, 67).data)
    // the red box's pixel, red first
    expect([...back.getImageData(50, 20, 1, 1).data]).toEqual([0xcf, 0x2e, 0x1a, 255])
  })

  it('refuses pixels that do not match the size', async () => {
    await expect(encodePng(Buffer.alloc(12), 2, 2)).rejects.toThrow(RangeError)
  })

  it('lays a half-covered right column and bottom row on white, premultiplied', () => {
    // 2 x 2: top left opaque red, top right half-covered black, bottom left half-covered white
    const px = Buffer.from([255, 0, 0, 255, 0, 0, 0, 128, 128, 128, 128, 128, 0, 0, 0, 255])
    opaqueEdges(px, 2, 2)
    expect([...px]).toEqual([255, 0, 0, 255, 127, 127, 127, 255, 255, 255, 255, 255, 0, 0, 0, 255])
  })
})
