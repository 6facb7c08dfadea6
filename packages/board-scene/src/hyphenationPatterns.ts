// Ambient types for `hyphen`, which has none.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./hyphen.d.ts" />
import en from 'hyphen/en-us/index.js'
import nl from 'hyphen/nl/index.js'
import { registerHyphenation } from './hyphenation.js'

/*
 * Both languages' hyphenation patterns, loaded as this module is imported: for the server's
 * exports, which lay text out synchronously in either language. A browser loads only the
 * language it shows, with `loadHyphenation`.
 */
registerHyphenation('nl', nl)
registerHyphenation('en', en)
