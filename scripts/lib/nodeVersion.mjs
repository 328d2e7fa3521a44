// The Node.js Threatroom runs on. tldraw 5.4 declares Node ≥ 22.12 (React needs
// ArrayBuffer.prototype.detached, which older Nodes lack), so that is our minimum too, declared in
// package.json's "engines" and .nvmrc. On an older Node, `npm run dev`, `npm start` and `npm test`
// say so and, where the npm registry ships an official Node build for the platform, run themselves
// on that Node instead of failing: the README's two commands keep working on a machine whose
// system Node is older.

import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** The Node fetched when the running one is too old: a 22 LTS, as .nvmrc asks. */
export const FALLBACK_NODE_VERSION = '22.23.5'

/** package.json's `engines.node` as [major, minor, patch]; it must read ">=X.Y.Z". */
export function declaredMinimum(engines = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines?.node) {
	const match = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(String(engines ?? '').trim())
	if (!match) throw new Error(`package.json engines.node must read ">=X.Y.Z", got "${engines}"`)
	return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** Whether `version` ("22.12.0" or "v22.12.0") is at least `minimum`. */
export function satisfiesMinimum(version, minimum) {
	const parts = version.replace(/^v/, '').split('.').map(Number)
	for (let index = 0; index < 3; index++) {
		const [have, need] = [parts[index] ?? 0, minimum[index] ?? 0]
		if (have !== need) return have > need
	}
	return true
}

/** The npm registry's official Node build for a platform (bin/node inside), or null where there is none. */
export function nodePackageFor(platform, arch) {
	return platform === 'linux' && (arch === 'x64' || arch === 'arm64') ? `node-linux-${arch}` : null
}

function cacheDir() {
	return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'threatroom', `node-v${FALLBACK_NODE_VERSION}`)
}

/**
 * The directory of a `node` binary that satisfies the minimum: the running one's, or the fallback
 * Node, installed from the npm registry into ~/.cache/threatroom the first time. Exits with a clear
 * message where neither is possible.
 * @param {string} what the command being run, for the message
 */
function supportedNodeBinDir(what) {
	const minimum = declaredMinimum()
	if (satisfiesMinimum(process.versions.node, minimum)) return path.dirname(process.execPath)
	const wanted = minimum.join('.')
	const packageName = nodePackageFor(process.platform, process.arch)
	const howToInstall = `Install Node ${wanted} or newer (with nvm: \`nvm install\`, which reads .nvmrc) and run it again.`
	if (packageName === null) {
		console.error(`${what}: Threatroom needs Node ≥ ${wanted} (tldraw 5.4's minimum); this is Node ${process.versions.node}. ${howToInstall}`)
		process.exit(1)
	}
	const dir = cacheDir()
	const binDir = path.join(dir, 'node_modules', packageName, 'bin')
	console.error(
		`${what}: Threatroom needs Node ≥ ${wanted} (tldraw 5.4's minimum); this is Node ${process.versions.node}. ` +
			`Running on Node ${FALLBACK_NODE_VERSION} from the npm registry (${packageName}, kept in ${dir}). ${howToInstall.replace('run it again', 'skip this')}`,
	)
	if (!fs.existsSync(path.join(binDir, 'node'))) {
		fs.mkdirSync(dir, { recursive: true })
		const install = spawnSync(
			'npm',
			['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${packageName}@${FALLBACK_NODE_VERSION}`],
			{
				// stdout too goes to stderr: the CLI below prints only the directory there.
				stdio: ['ignore', 2, 2],
			},
		)
		if (install.status !== 0 || !fs.existsSync(path.join(binDir, 'node'))) {
			console.error(`${what}: could not install ${packageName}@${FALLBACK_NODE_VERSION}. ${howToInstall}`)
			process.exit(1)
		}
	}
	return binDir
}

/**
 * Returns when the running Node is new enough. Otherwise runs this same script on the fallback Node
 * (first on PATH, so every tool the script starts by name runs on it too) and exits with its status.
 * @param {string} what the command being run, for the message
 */
export async function requireSupportedNode(what) {
	const binDir = supportedNodeBinDir(what)
	if (binDir === path.dirname(process.execPath)) return
	const child = spawn(path.join(binDir, 'node'), [...process.execArgv, ...process.argv.slice(1)], {
		stdio: 'inherit',
		env: { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` },
	})
	// The terminal's Ctrl-C reaches the child by itself (same process group) and it shuts down in
	// its own order: we only wait. A signal sent to us alone is passed on.
	process.on('SIGINT', () => {})
	for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal))
	const code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1))))
	process.exit(code)
}

// `node scripts/lib/nodeVersion.mjs`: prints the bin directory of a supported Node, for .ci/run's PATH.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	console.log(supportedNodeBinDir('node-version check'))
}
