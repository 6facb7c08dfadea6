import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Links } from '@sparboard/protocol'
import { RotateLink } from '../session/RotateLink.js'
import { CopyField } from './CopyField.js'

/** Where the facilitator may replace links ([C15]); `onOwnRotated` moves them to their new one. */
export interface LinkRotation {
  readonly workshopId: string
  readonly token: string
  readonly onOwnRotated: (token: string) => void
}

export function LinksPanel({
  links: initial,
  rotation,
}: {
  links: Links
  rotation?: LinkRotation
}) {
  const { t } = useTranslation()
  const [links, setLinks] = useState(initial)
  return (
    <div className="links-panel" data-testid="links">
      {(['facilitator', 'participant', 'observer'] as const).map((role) => (
        <div key={role} className="link-row">
          <CopyField label={t(`links.${role}`)} hint={t(`links.${role}Hint`)} value={links[role]} />
          {rotation && (
            <RotateLink
              workshopId={rotation.workshopId}
              token={rotation.token}
              role={role}
              onRotated={(r) => {
                setLinks((all) => ({ ...all, [role]: r.link }))
                if (role === 'facilitator') rotation.onOwnRotated(r.token)
              }}
            />
          )}
        </div>
      ))}
    </div>
  )
}
