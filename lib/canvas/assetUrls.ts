import { getAssetUrls } from '@tldraw/assets/selfHosted'

/**
 * For `<Tldraw assetUrls={assetUrls}>`: fonts, icons, translations and embed icons served from our
 * own origin (copied into public/ by scripts/copyTldrawAssets.mjs), so the canvas never calls
 * tldraw's CDN.
 */
export const assetUrls = getAssetUrls({ baseUrl: '/tldraw-assets' })
