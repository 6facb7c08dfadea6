/** Below this zoom a note's text is under ~6 px: draw notes as one batched shape instead. */
export const TEXT_MIN_SCALE = 0.3
