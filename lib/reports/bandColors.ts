import type { RiskBandName } from '@/lib/risk/riskScore'

/**
 * Print-safe colours per risk band, each with a text colour of at least 4.5:1 contrast on it
 * (WCAG AA). Reports are standalone files, so they cannot use the app's CSS variables.
 */
export const BAND_COLORS: Record<RiskBandName, { fill: string; text: string }> = {
	Critical: { fill: '#991b1b', text: '#ffffff' },
	High: { fill: '#c2410c', text: '#ffffff' },
	Medium: { fill: '#fde047', text: '#1f2937' },
	Low: { fill: '#bbf7d0', text: '#1f2937' },
}
