'use client'

import { type ChangeEvent, useId, useState } from 'react'
import { projectPrefixFromInput } from '@/lib/session/composedIds'
import { rememberCreatedSession } from './mySessionsStore'
import { IMPORT_MAX_BYTES, type ImportedSession, type ImportIssue, importThreatDragon, modelTitle } from './importRequest'
import { ProjectPrefixField } from './ProjectPrefixField'
import { SessionLinks } from './SessionLinks'
import './home.css'

type ImportState =
	| { kind: 'idle' }
	| { kind: 'reading'; fileName: string }
	| { kind: 'failed'; fileName: string; message: string; issues: ImportIssue[] }
	| { kind: 'imported'; session: ImportedSession }

function problemCount(count: number): string {
	return count === 1 ? 'one problem' : `${count} problems`
}

function IssueList({ issues, testId }: { issues: readonly ImportIssue[]; testId: string }) {
	return (
		<ul className="issues" data-testid={testId}>
			{issues.map((issue, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: an issue has no identity (two may share a path), and the list never reorders
				<li key={`${issue.path}-${index}`} className="issues__item">
					{issue.path && <code className="issues__path">{issue.path}</code>}
					<span>{issue.message}</span>
				</li>
			))}
		</ul>
	)
}

/**
 * Starts a session from an OWASP Threat Dragon v2 model: its diagrams, elements and threats. The
 * file never leaves the browser except to Threatroom's import endpoint; a refusal lists each
 * problem with where it sits in the file.
 */
export function ImportThreatDragon() {
	const id = useId()
	const [state, setState] = useState<ImportState>({ kind: 'idle' })
	const [projectPrefix, setProjectPrefix] = useState('')

	async function onFile(event: ChangeEvent<HTMLInputElement>) {
		const input = event.currentTarget
		const file = input.files?.[0]
		if (!file) return
		const fail = (message: string, issues: ImportIssue[] = []) => setState({ kind: 'failed', fileName: file.name, message, issues })
		if (file.size > IMPORT_MAX_BYTES) return fail(`${file.name} is larger than the 5 MiB an import may be.`)
		const prefix = projectPrefixFromInput(projectPrefix)
		if (!prefix.ok) {
			input.value = ''
			return fail(prefix.message)
		}
		setState({ kind: 'reading', fileName: file.name })
		const text = await file.text()
		let json: unknown
		try {
			json = JSON.parse(text)
		} catch {
			return fail(`${file.name} is not a JSON file. Export the model from Threat Dragon as JSON and try again.`)
		}
		const result = await importThreatDragon(text, prefix.projectPrefix)
		// Let the same file be picked again after fixing it.
		input.value = ''
		if (!result.ok) return fail(result.message, result.issues)
		rememberCreatedSession(result.links, modelTitle(json, file.name.replace(/\.json$/i, '')))
		setState({ kind: 'imported', session: result })
	}

	if (state.kind === 'imported') {
		const { links, warnings } = state.session
		return (
			<SessionLinks session={links} title="Model imported">
				{warnings.length > 0 && (
					<div className="notice" role="status">
						<p>
							<strong>
								{warnings.length} {warnings.length === 1 ? 'thing was' : 'things were'} not carried over exactly:
							</strong>
						</p>
						<IssueList issues={warnings} testId="home.import.warnings" />
					</div>
				)}
			</SessionLinks>
		)
	}

	return (
		<section className="card" aria-labelledby={`${id}-title`} aria-busy={state.kind === 'reading'}>
			<h2 className="card__title" id={`${id}-title`}>
				Import a Threat Dragon model
			</h2>
			<ProjectPrefixField id={`${id}-projectPrefix`} testId="home.import.projectPrefix" value={projectPrefix} onChange={setProjectPrefix} />
			<div className="field">
				<label className="field__label" htmlFor={`${id}-file`}>
					Threat Dragon v2 file (.json)
				</label>
				<input
					id={`${id}-file`}
					className="file-input"
					type="file"
					accept=".json,application/json"
					data-testid="home.import"
					disabled={state.kind === 'reading'}
					aria-describedby={`${id}-hint`}
					aria-invalid={state.kind === 'failed' ? true : undefined}
					onChange={onFile}
				/>
				<p className="field__hint" id={`${id}-hint`}>
					Its diagrams, elements and threats become a new session; you get the four links, as for a new session. Up to 5 MiB.
				</p>
			</div>
			{state.kind === 'reading' && (
				<p className="field__hint" role="status">
					Importing {state.fileName}…
				</p>
			)}
			{state.kind === 'failed' && (
				<div className="alert" role="alert" data-testid="home.import.error">
					<p>
						<strong>{state.fileName} could not be imported.</strong> {state.message}
						{state.issues.length > 0 && ` — ${problemCount(state.issues.length)}, each at its place in the file:`}
					</p>
					{state.issues.length > 0 && <IssueList issues={state.issues} testId="home.import.issues" />}
				</div>
			)}
		</section>
	)
}
