// The development secret the app and its party share when nobody configured INTERNAL_SECRET: the
// first process to need it (the dev script, or the app itself) writes it to a file the other reads.
// Plain JavaScript so the Node scripts and the app load the same code.

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/** Relative to the repo root (the app's working directory). */
export const INTERNAL_SECRET_FILE = 'data/.internal-secret'
/** The shortest secret either side accepts. */
export const INTERNAL_SECRET_MIN_LENGTH = 16

/**
 * The secret in `<root>/data/.internal-secret`, created on first use.
 * @param {string} root
 * @returns {string}
 */
export function readOrCreateDevSecret(root) {
	const file = path.resolve(root, INTERNAL_SECRET_FILE)
	const existing = readSecretFile(file)
	if (existing !== undefined) return existing
	fs.mkdirSync(path.dirname(file), { recursive: true })
	try {
		// 'wx' so two processes starting together cannot each write a different secret.
		fs.writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 })
	} catch (error) {
		if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
	}
	const created = readSecretFile(file)
	if (created === undefined) {
		throw new Error(`${file} holds fewer than ${INTERNAL_SECRET_MIN_LENGTH} characters; delete it to generate a new secret`)
	}
	return created
}

/** @param {string} file @returns {string | undefined} */
function readSecretFile(file) {
	if (!fs.existsSync(file)) return undefined
	const secret = fs.readFileSync(file, 'utf8').trim()
	return secret.length >= INTERNAL_SECRET_MIN_LENGTH ? secret : undefined
}
