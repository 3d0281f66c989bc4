// What src/formats offers later stages.
export { readSnapshot, type ReadOptions } from './read.js'
export { scale } from './heaptext.js'
export * from './model.js'
