'use client'

import dynamic from 'next/dynamic'

// As the session page does it (components/session/SessionGate.tsx): tldraw touches `window` on
// import, so the canvas loads in the browser only.
export const LocalCanvasLoader = dynamic(() => import('./LocalCanvas').then((module) => module.LocalCanvas), { ssr: false })
export const SyncCanvasLoader = dynamic(() => import('./SyncCanvas').then((module) => module.SyncCanvas), { ssr: false })
