// The `hyphen` package ships no types; these are the two entry points board-scene uses.
declare module 'hyphen/nl/index.js' {
  export interface HyphenPatterns {
    hyphenateSync(text: string, options?: { hyphenChar?: string }): string
  }
  const patterns: HyphenPatterns
  export default patterns
}
declare module 'hyphen/en-us/index.js' {
  import type { HyphenPatterns } from 'hyphen/nl/index.js'
  const patterns: HyphenPatterns
  export default patterns
}
