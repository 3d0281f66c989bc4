// The history of a baseline branch: entries, the file, and the figures the judging reads.
export { benchmarkKey, entryOf, TOP_ALLOCATORS, type EntryMeta } from './entry.js'
export {
  appendEntry,
  HISTORY_CAP,
  HISTORY_FILE,
  historyValues,
  MAX_HISTORY_READ,
  newHistory,
  parseHistory,
  readHistory,
  serializeHistory,
  writeHistory,
  type HistoryCap,
} from './file.js'
export type { History, HistoryEntry, HistoryKey } from './types.js'
