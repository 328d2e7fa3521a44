'use client'

import { useEffect } from 'react'
import type { Editor } from 'tldraw'
import { canEditCanvas, type Role } from '@/lib/roles'

/**
 * An ended session's canvas is read-only for everyone: tldraw hides its drawing tools and refuses
 * edits locally, instead of letting people draw what the room would only take back. A reopen gives
 * each role its own canvas rights again.
 */
export function useReadonlyWhenEnded(editor: Editor | null, ended: boolean, role: Role): void {
	useEffect(() => {
		if (!editor) return
		const isReadonly = ended || !canEditCanvas(role)
		if (editor.getInstanceState().isReadonly !== isReadonly) editor.updateInstanceState({ isReadonly })
		// A tool in the middle of drawing when the session ends would be left stuck.
		if (ended) editor.setCurrentTool('select')
	}, [editor, ended, role])
}
