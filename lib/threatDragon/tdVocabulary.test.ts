import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FRAMEWORK_CATALOG } from '@/lib/frameworks/frameworkCatalog'
import { FRAMEWORKS } from '@/lib/sessionEnums'
import { SEVERITIES, THREAT_STATUSES } from '@/lib/risk/threatStatus'
import { categoryFromTdType, tdTypeOfCategory, tdTypeTable } from './tdCategories'
import { frameworkFromTd, frameworkToTd, severityFromTd, severityToTd, statusFromTd, statusToTd } from './tdVocabulary'

describe('statuses', () => {
	it.each([
		['Open', 'Open'],
		['Mitigated', 'Resolved'],
		['NotApplicable', 'False Positive'],
		['N/A', 'False Positive'],
		['NA', 'False Positive'],
		['Accepted', 'Accepted'],
		['Transferred', 'Accepted'],
		['Avoided', 'Resolved'],
		['Eliminated', 'Resolved'],
		['mitigated', 'Resolved'],
	])('reads TD’s %s as our %s', (td, ours) => {
		expect(statusFromTd(td)).toBe(ours)
	})

	it('says so when it does not know a status', () => {
		expect(statusFromTd('Pending')).toBeNull()
	})

	it.each([
		['Open', null, 'Open'],
		['Confirmed', null, 'Open'],
		['Mitigation Planned', 'mitigate', 'Open'],
		['Mitigation In Progress', 'mitigate', 'Open'],
		['Verification Pending', 'mitigate', 'Open'],
		['Deferred', 'defer', 'Open'],
		['Resolved', 'mitigate', 'Mitigated'],
		['Closed', null, 'Mitigated'],
		['False Positive', null, 'NotApplicable'],
		['Accepted', 'accept', 'Accepted'],
		['Accepted', 'transfer', 'Transferred'],
	] as const)('writes our %s (decision %s) as TD’s %s', (ours, decision, td) => {
		expect(statusToTd(ours, decision)).toBe(td)
	})

	it('writes every status of ours as one TD reads back to a status of ours', () => {
		for (const status of THREAT_STATUSES) expect(statusFromTd(statusToTd(status, null))).not.toBeNull()
	})
})

describe('severities', () => {
	it.each([
		['Critical', 'Critical'],
		['High', 'High'],
		['Medium', 'Medium'],
		['Low', 'Low'],
		['Info', 'Informational'],
		['TBD', 'Unknown'],
		['TBA', 'Unknown'],
		['', 'Unknown'],
	])('reads TD’s %j as %s', (td, ours) => {
		expect(severityFromTd(td)).toBe(ours)
	})

	it('writes ours in TD’s words: Informational as Low, Unknown as TBD', () => {
		expect(SEVERITIES.map(severityToTd)).toEqual(['Critical', 'High', 'Medium', 'Low', 'Low', 'TBD'])
	})
})

describe('diagram types', () => {
	it.each([
		['STRIDE', 'STRIDE'],
		['LINDDUN', 'LINDDUN'],
		['CIA', 'CIA'],
		['DIE', 'DIE'],
		['CIADIE', 'DIE'],
		['PLOT4ai', 'PLOT4ai'],
	])('reads %s as %s', (td, ours) => {
		expect(frameworkFromTd(td)).toBe(ours)
	})

	it.each(['Generic', 'EOP', '', undefined])('knows no framework for %j', (td) => {
		expect(frameworkFromTd(td)).toBeNull()
	})

	it('writes each framework under a name it reads back', () => {
		for (const framework of FRAMEWORKS) expect(frameworkFromTd(frameworkToTd(framework))).toBe(framework)
	})
})

describe('threat types', () => {
	it('names every category of every framework, and reads each name back', () => {
		for (const framework of FRAMEWORKS) {
			for (const { id } of FRAMEWORK_CATALOG[framework].categories) {
				expect(categoryFromTdType(framework, tdTypeOfCategory(framework, id)), `${framework} ${id}`).toBe(id)
			}
		}
		expect(tdTypeTable()).toHaveLength(6 + 7 + 3 + 3 + 8)
	})

	it.each([
		['STRIDE', 'Information disclosure', 'I'],
		['STRIDE', 'elevation of privilege', 'E'],
		['LINDDUN', 'Disclosure of information', 'Dd'],
		['LINDDUN', 'Detecting', 'D'],
		['CIA', 'Availability', 'A'],
		['DIE', 'Ephemeral', 'E'],
		['PLOT4ai', 'Identifiability & Linkability', 'privacy'],
		['PLOT4ai', 'Security', 'cybersecurity'],
	] as const)('reads %s type %j as %s', (framework, type, id) => {
		expect(categoryFromTdType(framework, type)).toBe(id)
	})

	it('accepts our own category names too', () => {
		for (const framework of FRAMEWORKS) {
			for (const { id, name } of FRAMEWORK_CATALOG[framework].categories) expect(categoryFromTdType(framework, name), `${framework} ${name}`).toBe(id)
		}
	})

	it('finds nothing for a type of another framework', () => {
		expect(categoryFromTdType('STRIDE', 'Confidentiality')).toBeNull()
	})
})

describe('docs/export-format.md', () => {
	it('lists every threat type mapping the code uses', () => {
		const docs = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/export-format.md'), 'utf8')
		for (const { framework, categoryId, names } of tdTypeTable()) {
			expect(docs, `${framework} ${categoryId}`).toContain(`| ${framework} | ${categoryId} | ${names[0]}`)
		}
	})
})
