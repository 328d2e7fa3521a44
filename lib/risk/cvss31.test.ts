import { describe, expect, it } from 'vitest'
import { cvssBaseScore, cvssSeverity, isCvss31Vector, parseCvss31, roundUp } from './cvss31'

function scoreOf(vector: string): number {
	const parsed = parseCvss31(vector)
	if (!parsed.ok) throw new Error(parsed.error)
	return parsed.value.baseScore
}

describe('Roundup (CVSS 3.1 Appendix A)', () => {
	it('rounds up to one decimal', () => {
		expect(roundUp(4.02)).toBe(4.1)
		expect(roundUp(4.0)).toBe(4)
		expect(roundUp(7.41)).toBe(7.5)
	})

	it('does not round floating-point noise up a whole step', () => {
		expect(roundUp(4.000000000000001)).toBe(4)
		expect(roundUp(0.1 + 0.2)).toBe(0.3)
	})
})

describe('CVSS 3.1 base score', () => {
	// The base vectors and scores of FIRST's "CVSS v3.1 Examples" document.
	it.each([
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1], // CVE-2013-1937 phpMyAdmin XSS
		['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N', 5.4], // CVE-2013-0375 MySQL stored SQL injection
		['CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1], // CVE-2014-3566 POODLE
		['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9], // CVE-2012-1516 VMware guest to host escape
		['CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2], // CVE-2009-0783 Apache Tomcat XML parser
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5], // CVE-2014-0160 Heartbleed
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8], // CVE-2014-6271 Shellshock
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
		['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
		['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6],
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
	])('%s scores %d', (vector, score) => {
		expect(scoreOf(vector)).toBe(score)
	})

	it('weighs Privileges Required higher when the scope changes', () => {
		// 0.50 rather than 0.27 for PR:H: 5.5, where the unchanged weight would give 4.3.
		expect(scoreOf('CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:N')).toBe(5.5)
		expect(scoreOf('CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N')).toBe(3.8)
	})

	it('accepts the metrics in any order and ignores temporal and environmental ones for the base score', () => {
		expect(scoreOf('CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N')).toBe(9.8)
		expect(scoreOf('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/MAV:L')).toBe(9.8)
	})

	it('names the severity band of the spec', () => {
		expect([0, 0.1, 3.9, 4, 6.9, 7, 8.9, 9, 10].map(cvssSeverity)).toEqual(['None', 'Low', 'Low', 'Medium', 'Medium', 'High', 'High', 'Critical', 'Critical'])
		const parsed = parseCvss31(' CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N ')
		expect(parsed).toEqual({ ok: true, value: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', baseScore: 7.5, severity: 'High' } })
	})
})

describe('CVSS 3.1 vector validation', () => {
	it.each([
		['', 'starts with CVSS:3.1/'],
		['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'starts with CVSS:3.1/'],
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'Missing base metric A'],
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L', 'AV is given twice'],
		['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'AV takes N, A, L, P'],
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1', 'ZZ is not a CVSS 3.1 metric'],
		['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', 'is not a metric'],
		[`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/${'E:X/'.repeat(40)}`, 'At most'],
	])('refuses %j', (vector, message) => {
		const parsed = parseCvss31(vector)
		expect(parsed.ok).toBe(false)
		if (!parsed.ok) expect(parsed.error).toContain(message)
		expect(isCvss31Vector(vector)).toBe(false)
	})

	it('gives a stored vector its score, and none for no vector', () => {
		expect(cvssBaseScore('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')).toBe(9.8)
		expect(cvssBaseScore(null)).toBeNull()
	})
})
