/** The text of every page of a PDF, page by page, as pdf.js reads it. */
export async function pdfText(buf: ArrayBuffer): Promise<string> {
  // pdfjs-dist 6 expects Node 22; Node 20 lacks Promise.withResolvers.
  const P = Promise as unknown as { withResolvers?: () => unknown }
  P.withResolvers ??= () => {
    let resolve!: (v: unknown) => void
    let reject!: (e: unknown) => void
    const promise = new Promise((res, rej) => ((resolve = res), (reject = rej)))
    return { promise, resolve, reject }
  }
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const pdf = await getDocument({ data: new Uint8Array(buf), disableFontFace: true }).promise
  let text = ''
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent()
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('') + '\n'
  }
  return text
}
