// Neither package ships types; these are the parts this package uses.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string
  }
  const snowball: { newStemmer(language: 'dutch' | 'english'): Stemmer }
  export default snowball
}
declare module 'stopword' {
  /** Dutch stop words. */
  export const nld: readonly string[]
  /** English stop words. */
  export const eng: readonly string[]
}
