import { type RiskBandName, type RiskLevel, riskBand } from '@/lib/risk/riskScore'
import type { Severity } from '@/lib/risk/threatStatus'

export interface TdRating {
	likelihood: RiskLevel
	impact: RiskLevel
}

/**
 * Threat Dragon rates a threat with a severity and an optional free-text score; we rate with
 * likelihood × impact. Going from one band to a pair we take the band's smallest square —
 * Critical 4 × 4, High 3 × 3, Medium 2 × 2, Low 1 × 1 — which keeps the band (what drives action)
 * without claiming a precision TD never had; the group re-votes in the session anyway.
 */
const BAND_SQUARE: Record<RiskBandName, RiskLevel> = { Critical: 4, High: 3, Medium: 2, Low: 1 }

function square(band: RiskBandName): TdRating {
	return { likelihood: BAND_SQUARE[band], impact: BAND_SQUARE[band] }
}

const OUR_SCORE = /likelihood\s*([1-5])\D+impact\s*([1-5])/i

function level(text: string | undefined): RiskLevel {
	switch (text) {
		case '1':
			return 1
		case '2':
			return 2
		case '3':
			return 3
		case '4':
			return 4
		default:
			return 5
	}
}

/** CVSS v3 qualitative bands: 9.0–10 Critical, 7.0–8.9 High, 4.0–6.9 Medium, 0–3.9 Low. */
function cvssBand(score: number): RiskBandName {
	if (score >= 9) return 'Critical'
	if (score >= 7) return 'High'
	if (score >= 4) return 'Medium'
	return 'Low'
}

function bandOfSeverity(severity: Severity): RiskBandName {
	switch (severity) {
		case 'Critical':
		case 'High':
		case 'Medium':
		case 'Low':
			return severity
		case 'Informational':
			return 'Low'
		// Unrated: the middle, neither hidden at the bottom of the list nor inflated.
		case 'Unknown':
			return 'Medium'
	}
}

/**
 * Best effort, most precise source first:
 * 1. a score we wrote ourselves ("12 (likelihood 3 × impact 4)") — exact;
 * 2. a number from 0 to 10, read as CVSS (what people type into TD's score field);
 * 3. a whole number from 11 to 25, read as our own risk score;
 * 4. the severity; an unknown severity counts as Medium.
 */
export function ratingFromTd(score: string, severity: Severity): TdRating {
	const ours = OUR_SCORE.exec(score)
	if (ours) return { likelihood: level(ours[1]), impact: level(ours[2]) }
	const trimmed = score.trim()
	const number = trimmed === '' ? Number.NaN : Number(trimmed)
	if (number >= 0 && number <= 10) return square(cvssBand(number))
	if (Number.isInteger(number) && number > 10 && number <= 25) return square(riskBand(number).name)
	return square(bandOfSeverity(severity))
}

/** The score we write into TD: readable there, and exact when it comes back (rule 1 above). */
export function tdScoreOf(rating: TdRating): string {
	return `${rating.likelihood * rating.impact} (likelihood ${rating.likelihood} × impact ${rating.impact})`
}
