/**
 * What a note's vote badge or agreement marker stands for, in words, just below it while the
 * pointer is on it: the canvas draws pixels, this is text a person can read at any zoom.
 */
export function NoteTip({ text, left, top }: { text: string; left: number; top: number }) {
  return (
    <div className="note-tip" role="tooltip" data-testid="note-tip" style={{ left, top }}>
      {text}
    </div>
  )
}
