import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch.js'

/**
 * The bar at the top of every screen: brand, what the screen is about, and the language (unless
 * the screen puts the language elsewhere, as the board's folded header does).
 */
export function AppHeader({
  children,
  language = true,
}: {
  children?: ReactNode
  language?: boolean
}) {
  const { t } = useTranslation()
  return (
    <header className="app-header">
      <a className="brand" href="/">
        <img src="/favicon.svg" alt="" width={22} height={22} />
        <span className="brand-name">{t('app.name')}</span>
      </a>
      <div className="app-header-main">{children}</div>
      {language && <LanguageSwitch />}
    </header>
  )
}
