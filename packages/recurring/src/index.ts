export * from './groupSimilar.js'
export * from './decisions.js'
export { cosine, vectors } from './similarity.js'
