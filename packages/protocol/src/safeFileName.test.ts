import { describe, expect, it } from 'vitest'
import {
  attachmentDisposition,
  exportFileName,
  safeFileName,
  uniqueFileName,
} from './safeFileName.js'

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

  it('finds a free name for duplicates of a name already cut to the limit', () => {
    // The ZIP export once appended ".2.png" and cut the name again: the loop never ended.
    const taken = new Set<string>()
    const long = safeFileName(`${'Rush order for a key account '.repeat(5)} - Group.png`)
    expect(long.length).toBeGreaterThan(115)
    for (let i = 0; i < 5; i++) taken.add(uniqueFileName(long, taken))
    expect(taken.size).toBe(5)
    for (const name of taken) {
      expect(name.length).toBeLessThanOrEqual(120)
      expect(name.endsWith('.png')).toBe(true)
    }
    expect([...taken][1]).toMatch(/ \(2\)\.png$/)
  })
})

describe('exportFileName', () => {
  const base = { workshop: 'Sales & Operations', session: 2, date: '2026-12-04', ext: 'pdf' }

  it('says what the file is, which session and when, in the interface language', () => {
    expect(exportFileName({ ...base, kind: 'report', lang: 'en' })).toBe(
      'Sales-&-Operations-session-2-2026-12-04-report.pdf',
    )
    expect(exportFileName({ ...base, kind: 'report', lang: 'nl' })).toBe(
      'Sales-&-Operations-sessie-2-2026-12-04-verslag.pdf',
    )
    expect(safeFileName('Q1 stand-up.pdf')).toBe('Q1 stand-up.pdf')
  })

  it('is safe and within 120 characters whatever the title, and keeps its tail', () => {
    const long = exportFileName({
      ...base,
      workshop: `../${'Verkoop: Ops / '.repeat(20)}\u202e`,
      kind: 'notes',
      ext: 'csv',
      lang: 'nl',
    })
    expect(long.length).toBeLessThanOrEqual(120)
    expect(long).toMatch(/^Verkoop-Ops-.*-sessie-2-2026-12-04-notities\.csv$/)
    expect(safeFileName(long)).toBe(long)
    expect(
      exportFileName({ ...base, workshop: '///', kind: 'boards', ext: 'zip', lang: 'en' }),
    ).toBe('workshop-session-2-2026-12-04-boards.zip')
  })
})
