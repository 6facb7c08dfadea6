import type { WebsocketProvider } from 'y-websocket'
import { usePeerActivity } from '../sync/usePresence.js'
import type { Viewport } from './viewport.js'

/**
 * The other people's pointers with their names, in their colours. It listens to awareness
 * itself, so 30 cursor updates a second re-render only this.
 */
export function CursorOverlay({ provider, view }: { provider: WebsocketProvider; view: Viewport }) {
  const peers = usePeerActivity(provider)
  return (
    <div className="cursors" aria-hidden data-testid="cursors">
      {peers.map((p) =>
        p.cursor ? (
          <div
            key={p.clientId}
            className="cursor"
            data-name={p.name}
            style={{
              transform: `translate(${view.x + p.cursor.x * view.scale}px, ${view.y + p.cursor.y * view.scale}px)`,
              color: p.color,
            }}
          >
            <svg width="18" height="20" viewBox="0 0 18 20">
              <path
                d="M1 1 L1 16 L5.5 12 L8.5 19 L11 18 L8 11 L14 11 Z"
                fill="currentColor"
                stroke="#fff"
                strokeWidth="1.5"
              />
            </svg>
            <span style={{ background: p.color }}>{p.name}</span>
          </div>
        ) : null,
      )}
    </div>
  )
}
