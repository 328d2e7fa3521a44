import { getAssetUrls } from '@tldraw/assets/selfHosted'

// Fonts, icons and translations from our own origin, as the app serves them (lib/canvas/assetUrls.ts):
// the machine has no route to tldraw's CDN, and both pages must load the same assets.
export const assetUrls = getAssetUrls({ baseUrl: '/tldraw-assets' })
