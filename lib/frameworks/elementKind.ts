import * as z from 'zod/mini'
import { DFD_KINDS } from '@/lib/dfd/elementKinds'

/**
 * The kinds of canvas item the analysis accepts: the DFD kinds plus tldraw's free `text`, listed
 * so callers can pass every canvas item without filtering first. Text is an annotation and never
 * gets categories, threats or coverage; neither does a boundary (it only shapes trust zones).
 */
export const ELEMENT_KINDS = [...DFD_KINDS, 'text'] as const

export const elementKindSchema = z.enum(ELEMENT_KINDS)
export type ElementKind = z.infer<typeof elementKindSchema>
