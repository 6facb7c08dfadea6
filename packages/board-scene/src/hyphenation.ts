// Ambient types for `hyphen`, which has none; a reference, as client and server compile this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./hyphen.d.ts" />
import type { HyphenPatterns } from 'hyphen/nl/index.js'
import type { Hyphenate } from './layoutText.js'

/** The languages a board's text is hyphenated in: the workshop's interface languages. */
export type SceneLang = 'nl' | 'en'

const SOFT_HYPHEN = '\u00ad'
const CACHE_LIMIT = 20_000
const cache = new Map<string, readonly string[]>()
const loaded = new Map<SceneLang, HyphenPatterns>()

/**
 * Each language's TeX patterns are a module of their own (Dutch 230 kB, English 100 kB of
 * source): a browser loads only the language it shows (`loadHyphenation`), the server both at
 * once (`@sparboard/board-scene/hyphenation-patterns`).
 */
const LOADERS: Readonly<Record<SceneLang, () => Promise<{ default: HyphenPatterns }>>> = {
  nl: () => import('hyphen/nl/index.js'),
  en: () => import('hyphen/en-us/index.js'),
}

/** Makes a language's patterns available to `hyphenator` (what `loadHyphenation` does). */
export function registerHyphenation(lang: SceneLang, patterns: HyphenPatterns): void {
  loaded.set(lang, patterns)
}

/** Loads a language's patterns once; the text laid out in it afterwards breaks at syllables. */
export async function loadHyphenation(lang: SceneLang): Promise<void> {
  if (!loaded.has(lang)) registerHyphenation(lang, (await LOADERS[lang]()).default)
}

/** A language's hyphenator if its patterns are loaded, else undefined (words break anywhere). */
export function loadedHyphenator(lang: SceneLang): Hyphenate | undefined {
  const patterns = loaded.get(lang)
  if (!patterns) return undefined
  return (word) => {
    const key = `${lang}:${word}`
    let parts = cache.get(key)
    if (!parts) {
      parts = patterns.hyphenateSync(word).split(SOFT_HYPHEN)
      if (cache.size >= CACHE_LIMIT) cache.clear()
      cache.set(key, parts)
    }
    return parts
  }
}

/**
 * A word's syllables by the Dutch or English TeX patterns (Liang's algorithm, `hyphen` on npm);
 * the patterns must be loaded (`loadHyphenation`, or the `hyphenation-patterns` entry).
 * @example hyphenator('nl')('Omzetdoelstelling') // ['Om', 'zet', 'doel', 'stel', 'ling']
 */
export function hyphenator(lang: SceneLang): Hyphenate {
  const hyphenate = loadedHyphenator(lang)
  if (!hyphenate) throw new Error(`hyphenation patterns for "${lang}" are not loaded`)
  return hyphenate
}

/** nl for Dutch, English for anything else. */
export const sceneLang = (language: string | undefined): SceneLang =>
  language?.toLowerCase().startsWith('nl') ? 'nl' : 'en'
