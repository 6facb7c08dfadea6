import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Role } from '@sparboard/protocol'
import { markLinkCopied, useRememberedWorkshops } from './rememberedWorkshops.js'
import './people.css'

/** Copies text; without the clipboard API (plain http on a LAN address) the old way. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard) return navigator.clipboard.writeText(text).catch(() => undefined)
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  document.execCommand('copy')
  area.remove()
}

/**
 * Never lose a link: until the facilitator copied their link, a notice says to keep it (with a
 * copy button) and leaving the page asks first (beforeunload).
 */
export function FacilitatorLinkGuard({ workshopId, link }: { workshopId: string; link: string }) {
  const { t } = useTranslation()
  const entry = useRememberedWorkshops().find(
    (e) => e.id === workshopId && e.role === Role.facilitator,
  )
  const copied = entry?.linkCopied === true
  useEffect(() => {
    if (copied) return
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault()
      // older browsers show the prompt only with a returnValue
      e.returnValue = t('people.links.leave')
    }
    addEventListener('beforeunload', warn)
    return () => removeEventListener('beforeunload', warn)
  }, [copied, t])
  if (copied) return null
  return (
    <div className="people-warning people-notice" role="status" data-testid="link-not-copied">
      <span>{t('people.links.notCopied')}</span>
      <button
        type="button"
        onClick={() => void copyText(link).then(() => markLinkCopied(workshopId, Role.facilitator))}
      >
        {t('people.links.copy')}
      </button>
    </div>
  )
}
