import { describe, expect, it } from 'vitest'
import { attachmentDisposition, safeFileName } from './safeFileName.js'

describe('safeFileName', () => {
  it('keeps a download inside the download folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('etc - passwd')
    expect(safeFileName('..\\..\\boot.ini')).toBe('boot.ini')
    expect(safeFileName('.bashrc')).toBe('bashrc')
  })

  it('drops an RTL override that would disguise the extension', () => {
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(safeFileName('a\u0000b\nc')).toBe('abc')
  })

  it('renames Windows device names and falls back when nothing is left', () => {
    expect(safeFileName('CON.pdf')).toBe('_CON.pdf')
    expect(safeFileName('///', 'workshop')).toBe('workshop')
  })

  it('keeps the extension when it cuts a long name, and keeps Dutch letters', () => {
    const name = safeFileName(`${'é'.repeat(300)}.pdf`)
    expect(name).toHaveLength(120)
    expect(name.endsWith('.pdf')).toBe(true)
    expect(safeFileName('Verkoop & Operatie: ronde 1.csv')).toBe('Verkoop & Operatie - ronde 1.csv')
  })

  it('gives an attachment header with quotes and newlines unable to break out', () => {
    const header = attachmentDisposition('a"b\r\nSet-Cookie: x.svg')
    expect(header).not.toMatch(/[\r\n]/)
    expect(header).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^"\s]+$/)
  })
})
