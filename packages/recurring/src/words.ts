// Ambient types for the two packages, which have none; a reference, as the server compiles this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./vendor.d.ts" />
import snowball from 'snowball-stemmers'
import { eng, nld } from 'stopword'

const dutch = snowball.newStemmer('dutch')
const english = snowball.newStemmer('english')

/**
 * How often or how much something happens says nothing about what it is: "levertijd weer te
 * krap" is the friction "levertijd te krap". The `stopword` lists keep these words.
 */
const FILLERS = {
  nl: ['weer', 'opnieuw', 'steeds', 'telkens', 'vaak', 'soms', 'erg', 'heel', 'echt', 'gewoon'],
  en: ['again', 'always', 'often', 'sometimes', 'still', 'really', 'just', 'keeps'],
}

/** Words that carry no subject, in either language (the `stopword` package's lists and FILLERS). */
const DUTCH_STOP: ReadonlySet<string> = new Set([...nld, ...FILLERS.nl])
const ENGLISH_STOP: ReadonlySet<string> = new Set([...eng, ...FILLERS.en])

/**
 * The words of a note, lower case, without accents (`coördinatie` is `coordinatie`), split at
 * anything that is not a letter or digit.
 */
export function plainWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
}

/**
 * The content words of a note as stems: stop words of both languages out, then each word's
 * Snowball stems in Dutch and in English (one when they agree): "korte" and "kort" meet at `kort`,
 * "levertijden" and "levertijd" at `levertijd`, "promised" and "promises" at `promis`, whatever
 * language a short note without stop words is in.
 */
export function stems(words: readonly string[]): string[][] {
  return words
    .filter((w) => !DUTCH_STOP.has(w) && !ENGLISH_STOP.has(w))
    .map((w) => (/^\p{N}+$/u.test(w) ? [w] : [...new Set([dutch.stem(w), english.stem(w)])]))
    .map((forms) => forms.filter((f) => f.length > 1))
    .filter((forms) => forms.length > 0)
}
