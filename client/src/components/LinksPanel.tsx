import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Role, type Links } from '@sparboard/protocol'
import { RotateLink } from './RotateLink.js'
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
  onCopied,
}: {
  links: Links
  rotation?: LinkRotation
  /** Told which role's link was copied. */
  onCopied?: (role: Role) => void
}) {
  const { t } = useTranslation()
  const [links, setLinks] = useState(initial)
  return (
    <div className="links-panel" data-testid="links">
      {Object.values(Role).map((role) => (
        <div key={role} className="link-row">
          <CopyField
            label={t(`links.${role}`)}
            hint={t(`links.${role}Hint`)}
            value={links[role]}
            onCopied={onCopied && (() => onCopied(role))}
          />
          {rotation && (
            <RotateLink
              workshopId={rotation.workshopId}
              token={rotation.token}
              role={role}
              onRotated={(r) => {
                setLinks((all) => ({ ...all, [role]: r.link }))
                if (role === Role.facilitator) rotation.onOwnRotated(r.token)
              }}
            />
          )}
        </div>
      ))}
    </div>
  )
}
