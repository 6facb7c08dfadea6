/** The width of a string in one font, in board px. */
export type Measure = (text: string) => number

/** A word cut at its syllables: the parts, joined, are the word. */
export type Hyphenate = (word: string) => readonly string[]

export interface TextLayoutOptions {
  /** The width lines must fit, in the units of `measure`. */
  readonly width: number
  /** At most this many lines; the last one shown ends in an ellipsis when the text goes on. */
  readonly maxLines?: number
  readonly measure: Measure
  /** Where a word longer than a line may break; without it such a word breaks anywhere. */
  readonly hyphenate?: Hyphenate
}

export interface TextLayout {
  readonly lines: readonly string[]
  /** The text went on past the last line (which then ends in '…'). */
  readonly truncated: boolean
}

const ELLIPSIS = '…'
const HYPHEN = '-'
// A word may also break after a dash or slash it has, and between two CJK characters; neither
// takes a hyphen.
const AFTER_DASH = /(?<=[-/\u2010-\u2014])/
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/
// Longer "words" (a pasted hash or URL) break at any character, without a syllable search.
const MAX_HYPHENATED = 100
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
const split = (s: string) => Array.from(graphemes.segment(s), (g) => g.segment)

/** A word's pieces and, after each, whether breaking there needs a hyphen. */
interface Pieces {
  readonly text: string[]
  readonly hyphen: boolean[]
}

function piecesOf(word: string, hyphenate: Hyphenate | undefined): Pieces {
  const text: string[] = []
  const hyphen: boolean[] = []
  const push = (piece: string, needsHyphen: boolean) => {
    text.push(piece)
    hyphen.push(needsHyphen)
  }
  // Segments end after a dash or slash of the word itself.
  for (const segment of word.split(AFTER_DASH)) {
    // Hyphenation patterns take time with the length of a word: no real word is this long.
    const syllables = hyphenate && segment.length <= MAX_HYPHENATED ? hyphenate(segment) : [segment]
    syllables.forEach((s, i) => push(s, i < syllables.length - 1))
  }
  if (hyphen.length > 0) hyphen[hyphen.length - 1] = false
  return { text, hyphen }
}

/** Where a line may end inside a piece that fits no line: the longest start that fits. */
function cutPiece(piece: string, width: number, measure: Measure): [string, string, boolean] {
  // Only as many characters as a line can take are split off: a piece may be thousands long.
  const segments = graphemes.segment(piece)[Symbol.iterator]()
  const chars: string[] = []
  const take = (count: number) => {
    while (chars.length < count) {
      const next = segments.next()
      if (next.done) return
      chars.push(next.value.segment)
    }
  }
  let n = 1
  const needsHyphen = (k: number) => !(CJK.test(chars[k - 1]!) || CJK.test(chars[k] ?? ''))
  const withHyphen = (k: number) => chars.slice(0, k).join('') + (needsHyphen(k) ? HYPHEN : '')
  for (take(n + 2); n + 1 < chars.length && measure(withHyphen(n + 1)) <= width; take(n + 2)) n++
  const head = chars.slice(0, n).join('')
  return [head, piece.slice(head.length), needsHyphen(n)]
}

/**
 * Breaks text into lines of at most `width`: between words, and a word longer than a line at a
 * syllable with a hyphen (at a character, with a hyphen, when it has no syllable that fits). The
 * font never shrinks; text past `maxLines` ends in an ellipsis. Pure: the caller measures.
 * @example layoutText('Capaciteitsdashboard', { width: 176, measure, hyphenate }) // ['Capaciteits-', 'dashboard']
 */
export function layoutText(text: string, options: TextLayoutOptions): TextLayout {
  const { width, measure, hyphenate } = options
  const maxLines = options.maxLines ?? Infinity
  const lines: string[] = []
  // Whether each line ends in a hyphen the layout added (an ellipsis replaces it).
  const added: boolean[] = []
  const full = () => lines.length > maxLines
  // A line's width is its words' widths and the spaces between: words repeat across notes, so
  // their measures are mostly remembered, where whole lines never are.
  const space = measure(' ')
  for (const paragraph of text.split(/\r?\n/)) {
    let line = ''
    let lineWidth = 0
    const end = (hyphenated = false) => {
      lines.push(line)
      added.push(hyphenated)
      line = ''
      lineWidth = 0
    }
    const after = () => (line ? lineWidth + space : 0)
    const append = (piece: string, pieceWidth: number) => {
      lineWidth = after() + pieceWidth
      line = line ? `${line} ${piece}` : piece
    }
    for (const word of paragraph.split(/[ \t]+/).filter(Boolean)) {
      if (full()) break
      const wordWidth = measure(word)
      if (after() + wordWidth <= width) {
        append(word, wordWidth)
        continue
      }
      if (line && wordWidth <= width) {
        end()
        append(word, wordWidth)
        continue
      }
      placeLongWord(word)
    }
    if (full()) break
    lines.push(line)
    added.push(false)

    function placeLongWord(word: string) {
      const pieces = piecesOf(word, hyphenate)
      let i = 0
      while (i < pieces.text.length && !full()) {
        let fits = -1
        let fitsWidth = 0
        let taken = ''
        for (let k = i; k < pieces.text.length; k++) {
          taken += pieces.text[k]
          const takenWidth = measure(taken + (pieces.hyphen[k] ? HYPHEN : ''))
          if (after() + takenWidth > width) break
          fits = k
          fitsWidth = takenWidth
        }
        if (fits === pieces.text.length - 1) {
          append(pieces.text.slice(i).join(''), fitsWidth)
          return
        }
        if (fits >= i) {
          const hyphenated = pieces.hyphen[fits]!
          append(pieces.text.slice(i, fits + 1).join('') + (hyphenated ? HYPHEN : ''), fitsWidth)
          end(hyphenated)
          i = fits + 1
        } else if (line) {
          end()
        } else {
          const [head, rest, needsHyphen] = cutPiece(pieces.text[i]!, width, measure)
          line = needsHyphen ? head + HYPHEN : head
          end(needsHyphen)
          // What is left of the piece stays a piece, with the break after it that it had.
          pieces.text[i] = rest
          if (!rest) i++
        }
      }
    }
  }
  if (lines.length <= maxLines) return { lines, truncated: false }
  const shown = lines.slice(0, maxLines)
  let last = shown[maxLines - 1]!
  if (added[maxLines - 1]) last = last.slice(0, -HYPHEN.length)
  let chars = split(last)
  while (chars.length > 0 && measure(chars.join('').trimEnd() + ELLIPSIS) > width)
    chars = chars.slice(0, -1)
  shown[maxLines - 1] = chars.join('').trimEnd() + ELLIPSIS
  return { lines: shown, truncated: true }
}
