'use client'

import { TLRemoteSyncError } from '@tldraw/sync'
import { lazy, type ReactNode, Suspense, useCallback, useMemo, useState } from 'react'
import { type Editor, type TLComponents, Tldraw, type TldrawOptions, useValue } from 'tldraw'
import 'tldraw/tldraw.css'
import { assetUrls } from '@/lib/canvas/assetUrls'
import { describeSyncError } from '@/lib/canvas/syncErrors'
import type { JoinResponse, SessionSummary } from '@/lib/api/sessionSchemas'
import { type ProjectIds, SessionProvider, type SessionValue } from '@/components/panel/SessionContext'
import { ReviewChip } from '@/components/panel/review/ReviewChip'
import { PendingBanner } from '@/components/panel/PendingBanner'
import { ToastStack } from '@/components/panel/toasts/ToastStack'
import { useToastQueue } from '@/components/panel/toasts/toastQueue'
import { useServerOffset } from '@/components/panel/useServerClock'
import { EndSessionButton } from '@/components/session-end/EndSessionButton'
import { LinkRevoked } from '@/components/session/LinkRevoked'
import { LinksButton } from '@/components/session-links/LinksButton'
import { useReadonlyWhenEnded } from '@/components/session-end/useReadonlyWhenEnded'
import { canEditCanvas } from '@/lib/roles'
import { canFacilitate } from '@/lib/session/sessionPermissions'
import { rejectionText } from '@/lib/session/rejectionText'
import { CanvasOverlays } from './CanvasOverlays'
import { DfdStylePanel } from './DfdStylePanel'
import { DfdToolbar } from './DfdToolbar'
import { registerDfdSideEffects } from './registerDfdSideEffects'
import { type ConnectionState, SessionHeader } from './SessionHeader'
import { LazySessionSidebar } from './LazySessionSidebar'
import { LicenseNotice } from './LicenseNotice'
import { dfdShapeUtils } from './shapeUtils'
import { dfdTools } from './tools/dfdTools'
import { dfdUiOverrides } from './uiOverrides'
import { useIdleAfter } from './useIdleAfter'
import { useLoadedWhen } from './useLoadedWhen'
import { useThreatroomSync } from './useThreatroomSync'
// The panel's stylesheet also styles the header's buttons and dialogs: it can't wait for the lazy panel.
import '@/components/panel/panel.css'
import './sessionCanvas.css'

export type SessionCanvasProps = {
	sessionId: string
	/** The link token from the URL fragment, for the party's WebSocket query. */
	token: string
	/** Resolved by the server from the token; never taken from the client. */
	role: JoinResponse['role']
	displayName: string
	/** The public id the app derived from `userKey`: author of threats, owner of votes. */
	userId: string
	/** The browser's secret key (localStorage `threatroom.userKey`), sent only to the room. */
	userKey: string
	/** Base URL of the party host, as the join endpoint returned it (e.g. ws://localhost:1999). */
	partyUrl: string
	session: SessionSummary
	/** Back to the join screen, name filled in, to enter another one. */
	onChangeName: () => void
}

/**
 * Module-level so tldraw sees the same objects every render. The people list lives in our header,
 * so tldraw's share panel (with its own, local name editor) is off.
 */
const CANVAS_COMPONENTS: TLComponents = {
	Toolbar: DfdToolbar,
	StylePanel: DfdStylePanel,
	InFrontOfTheCanvas: CanvasOverlays,
	SharePanel: null,
}

/**
 * A double-click on the empty canvas makes no text shape: in a DFD it is nearly always a
 * double-click meant for an element that missed, and the text tool (T) is there for notes.
 */
const CANVAS_OPTIONS: Partial<TldrawOptions> = { createTextOnCanvasDoubleClick: false }

/** Images stay inline in the document, so keep them well under the party's 4 MiB message limit. */
const MAX_IMAGE_BYTES = 1024 * 1024
const MAX_IMAGE_DIMENSION_PX = 2000
/** Videos would be inlined too; a threat model has no use for them. Stable: tldraw rebuilds on a new array. */
const NO_VIDEO_TYPES: string[] = []
/** The room queues this tab's changes past 50 a second (party/rateLimit.ts); nothing is lost. */
const RATE_LIMITED_TEXT = "You're sending changes too fast — slowing down"

// What the panel and the overlays derive from the store (coverage, suggestions, the walk, the
// register): none of it is needed to draw the diagram, so it loads with the panel.
const loadSessionSignals = () => import('@/components/panel/sessionSignals').then((module) => module.createSessionSignals)

// Only an ended session shows it, and with it the summary: its code loads then, not with every canvas.
const SessionEndedBanner = lazy(() => import('@/components/session-end/SessionEndedBanner').then((module) => ({ default: module.SessionEndedBanner })))

/**
 * The session's whiteboard: header, canvas and the session panel (agenda, scope, analysis,
 * threats, properties). Loads only in the browser
 * (components/session/SessionGate.tsx imports it with `next/dynamic`, `ssr: false`).
 */
export function SessionCanvas(props: SessionCanvasProps) {
	// Bumping the key remounts the sync hook: "Try again" after a failed connection.
	const [attempt, setAttempt] = useState(0)
	return <SessionCanvasConnection key={attempt} {...props} onRetry={() => setAttempt((n) => n + 1)} />
}

function SessionCanvasConnection({
	sessionId,
	token,
	role,
	displayName,
	userId,
	userKey,
	partyUrl,
	session,
	onChangeName,
	onRetry,
}: SessionCanvasProps & { onRetry: () => void }) {
	const toasts = useToastQueue()
	const { push: notify } = toasts
	const [project, setProject] = useState<ProjectIds>({ projectPrefix: session.projectPrefix, sessionNumber: session.sessionNumber })
	const { store, people, clock, pending, inRoom } = useThreatroomSync(
		{ partyUrl, sessionId, token, displayName, userId, userKey },
		{
			// Someone opening an ended session must not write their user record: the room would refuse it.
			readOnly: !canEditCanvas(role) || session.status === 'ended',
			onRejected: (message) => notify({ message: rejectionText(message), tone: 'error', durationMs: 8_000 }),
			onRateLimited: () => notify({ message: RATE_LIMITED_TEXT, tone: 'info' }),
			onProjectChanged: setProject,
		},
	)
	const [editor, setEditor] = useState<Editor | null>(null)
	const serverOffsetMs = useServerOffset(editor, clock)
	// tldraw mounts the editor once the fonts are in, in the commit that draws the shapes.
	const panelDue = useIdleAfter(editor !== null)
	const createSessionSignals = useLoadedWhen(panelDue, loadSessionSignals)
	const model = useMemo(
		() => (editor && createSessionSignals ? createSessionSignals(editor, session.framework) : null),
		[editor, createSessionSignals, session.framework],
	)
	// Until the signals are in, the join's answer says whether the session had ended.
	const ended = useValue('session ended', () => model?.sessionEnd.get().ended ?? session.status === 'ended', [model, session.status])
	useReadonlyWhenEnded(editor, ended, role)
	const sessionValue = useMemo(
		(): SessionValue | null =>
			editor && model
				? {
						editor,
						model,
						role: ended ? 'observer' : role,
						linkRole: role,
						sessionId,
						sessionName: session.name,
						token,
						userId,
						people,
						serverOffsetMs,
						notify,
						pending,
						project,
						onProjectChange: setProject,
					}
				: null,
		[editor, model, ended, role, sessionId, session.name, token, userId, people, serverOffsetMs, notify, pending, project],
	)

	const onMount = useCallback((mounted: Editor) => {
		const unregister = registerDfdSideEffects(mounted)
		setEditor(mounted)
		return () => {
			unregister()
			setEditor(null)
		}
	}, [])

	// tldraw's "online" means the socket is open; only the room's answer to the handshake means the
	// edits reach the others.
	const connection: ConnectionState = store.status === 'loading' ? 'connecting' : store.status === 'error' ? 'failed' : inRoom ? 'online' : 'offline'

	if (store.status === 'error') {
		const reason = store.error instanceof TLRemoteSyncError ? store.error.reason : null
		const view = describeSyncError(reason)
		if (view.kind === 'linkRevoked') {
			return (
				<div className="tr-session tr-session--message">
					<LinkRevoked className="tr-message" />
				</div>
			)
		}
		if (view.kind === 'invalidLink') {
			return (
				<div className="tr-session tr-session--message">
					<section className="tr-message" data-testid="session.invalid" role="alert">
						<h1>This link is not valid</h1>
						<p>It may be incomplete or mistyped, or the session may no longer exist. Ask the facilitator to send you the link again.</p>
					</section>
				</div>
			)
		}
		return (
			<div className="tr-session tr-session--message">
				<section className="tr-message" data-testid="session.error" role="alert">
					<h1>{view.title}</h1>
					<p>{view.message}</p>
					{view.canRetry && (
						<button type="button" className="tr-button" onClick={onRetry}>
							Try again
						</button>
					)}
				</section>
			</div>
		)
	}

	return (
		<SessionLayout editor={editor}>
			<SessionProvider value={sessionValue}>
				<SessionHeader
					sessionName={session.name}
					framework={session.framework}
					role={role}
					userId={userId}
					people={people}
					connection={connection}
					onChangeName={onChangeName}
					actions={
						<>
							<ReviewChip />
							<LinksButton />
							<EndSessionButton />
						</>
					}
				/>
				{ended && (
					<Suspense fallback={null}>
						<SessionEndedBanner />
					</Suspense>
				)}
				{canFacilitate(role) && <LicenseNotice />}
				<PendingBanner online={connection === 'online'} />
				<div className="tr-session__body">
					<div className="tr-session__canvas">
						{store.status === 'loading' ? (
							<p className="tr-session__loading" data-testid="session.loading" role="status">
								Connecting to the session…
							</p>
						) : (
							<Tldraw
								store={store.store}
								shapeUtils={dfdShapeUtils}
								tools={dfdTools}
								overrides={dfdUiOverrides}
								components={CANVAS_COMPONENTS}
								options={CANVAS_OPTIONS}
								assetUrls={assetUrls}
								licenseKey={process.env.NEXT_PUBLIC_TLDRAW_LICENSE_KEY}
								maxAssetSize={MAX_IMAGE_BYTES}
								maxImageDimension={MAX_IMAGE_DIMENSION_PX}
								acceptedVideoMimeTypes={NO_VIDEO_TYPES}
								onMount={onMount}
							/>
						)}
					</div>
					<LazySessionSidebar load={panelDue && sessionValue !== null} />
				</div>
				<ToastStack toasts={toasts.toasts} onDismiss={toasts.dismiss} />
			</SessionProvider>
		</SessionLayout>
	)
}

/** Puts the header and panel in the canvas's light/dark theme, so tldraw's colour variables apply. */
function SessionLayout({ editor, children }: { editor: Editor | null; children: ReactNode }) {
	const colorMode = useValue('color mode', () => editor?.getColorMode() ?? 'light', [editor])
	return <div className={`tr-session tl-theme__${colorMode}`}>{children}</div>
}
