import { useMemo, useState } from 'react'
import type { AgreementId } from '@sparboard/board-model'
import type { AgreementDraft } from '../commands/agreements.js'
import type { ClusterNaming } from '../commands/Command.js'

type Point = { readonly x: number; readonly y: number }

/** What the board page has open besides the board: help, dialogs, the agreements, a menu. */
export function useBoardPanels() {
  const [help, setHelp] = useState(false)
  const [naming, setNaming] = useState<ClusterNaming | null>(null)
  const [agreementsOpen, setAgreementsOpen] = useState(false)
  const [draft, setDraft] = useState<AgreementDraft | null>(null)
  // A new object each time, so that showing the same agreement again scrolls to it again.
  const [shown, setShown] = useState<{ readonly id: AgreementId } | null>(null)
  const [menu, setMenu] = useState<Point | null>(null)
  const actions = useMemo(
    () => ({
      toggleHelp: () => setHelp((h) => !h),
      closeHelp: () => setHelp(false),
      nameCluster: setNaming,
      closeNaming: () => setNaming(null),
      toggleAgreements: () => setAgreementsOpen((o) => !o),
      closeAgreements() {
        setAgreementsOpen(false)
        setShown(null)
      },
      setDraft,
      draftAgreement(next: AgreementDraft) {
        setDraft(next)
        setAgreementsOpen(true)
      },
      showAgreement(id: AgreementId) {
        setShown({ id })
        setAgreementsOpen(true)
      },
      openMenu: setMenu,
      closeMenu: () => setMenu(null),
    }),
    [],
  )
  return { help, naming, agreementsOpen, draft, shown, menu, ...actions }
}
