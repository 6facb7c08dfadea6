import type { Person } from '../sync/usePresence.js'

/** Who is on this board, as coloured initials with the full name on hover and for screen readers. */
export function PresenceList({ people, label }: { people: readonly Person[]; label: string }) {
  return (
    <ul className="presence" aria-label={label} data-testid="presence">
      {people.map((p) => (
        <li key={p.clientId} title={p.name} style={{ background: p.color }}>
          <span aria-hidden>{p.name.slice(0, 1).toUpperCase()}</span>
          <span className="visually-hidden">{p.name}</span>
        </li>
      ))}
    </ul>
  )
}
