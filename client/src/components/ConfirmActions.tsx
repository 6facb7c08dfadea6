/** The end of a confirm dialog: what went wrong, a safe default (cancel) and the irreversible act. */
export function ConfirmActions(props: {
  readonly error: string | null
  readonly busy: boolean
  readonly cancelLabel: string
  readonly confirmLabel: string
  readonly onCancel: () => void
  readonly onConfirm: () => void
}) {
  return (
    <>
      {props.error && (
        <p className="error" role="alert">
          {props.error}
        </p>
      )}
      <div className="row">
        <button type="button" autoFocus disabled={props.busy} onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button type="button" className="danger" disabled={props.busy} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </>
  )
}
