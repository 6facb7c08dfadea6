import { useTranslation } from 'react-i18next'
import { navigate } from '../route.js'
import { forgetWorkshop, useRememberedWorkshops } from './rememberedWorkshops.js'
import './people.css'

/** The start page's list of workshops created or joined on this device, with their links. */
export function YourWorkshops() {
  const { t } = useTranslation()
  const list = useRememberedWorkshops()
  if (list.length === 0) return null
  return (
    <section className="card narrow your-workshops" data-testid="your-workshops">
      <h2>{t('people.yours.title')}</h2>
      <p className="hint">{t('people.yours.hint')}</p>
      <ul>
        {list.map((w) => (
          <li key={`${w.id}/${w.role}`}>
            <a
              className="your-workshop-title"
              href={w.path}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return
                e.preventDefault()
                navigate(w.path)
              }}
            >
              {w.title}
            </a>
            <span className="badge">{t(`people.yours.role.${w.role}`)}</span>
            <button
              type="button"
              className="link"
              aria-label={t('people.yours.forget', { title: w.title })}
              onClick={() => forgetWorkshop(w.id, w.role)}
            >
              {t('people.yours.forgetShort')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
