/**
 * Whether a key pressed at `target` belongs to what has focus rather than to the board's
 * commands: a text field, a dialog, a menu. The one test every shortcut of the board uses.
 */
export const isTyping = (target: EventTarget | null): boolean =>
  target instanceof Element &&
  !!target.closest(
    'input, textarea, select, [contenteditable]:not([contenteditable=false]), dialog, [role=dialog], [role=menu]',
  )

/** Whether a plain Enter or Space at `target` is the focused control's own (a button's click). */
export const isPressable = (target: EventTarget | null): boolean =>
  target instanceof Element && !!target.closest('button, a[href], [role=button], summary')
