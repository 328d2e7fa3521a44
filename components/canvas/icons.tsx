import type { ReactNode } from 'react'
import type { TLUiIconJsx } from 'tldraw'
import type { DfdKind } from '@/lib/dfd/elementKinds'

/** Inline icons (no CDN, no icon font) in tldraw's toolbar size; they take the button's colour. */
function Icon({ children }: { children: ReactNode }) {
	return (
		<svg
			className="tlui-icon"
			width="18"
			height="18"
			viewBox="0 0 18 18"
			fill="none"
			stroke="currentColor"
			strokeWidth="1.5"
			strokeLinecap="round"
			strokeLinejoin="round"
			aria-hidden="true"
			focusable="false"
			style={{ backgroundColor: 'transparent', mask: 'none', WebkitMask: 'none' }}
		>
			{children}
		</svg>
	)
}

export const DFD_ICONS: Record<DfdKind, TLUiIconJsx> = {
	entity: (
		<Icon>
			<rect x="2" y="4.5" width="14" height="9" rx="0.5" />
		</Icon>
	),
	process: (
		<Icon>
			<circle cx="9" cy="9" r="6.5" />
		</Icon>
	),
	multiprocess: (
		<Icon>
			<circle cx="9" cy="9" r="7" />
			<circle cx="9" cy="9" r="4.5" />
		</Icon>
	),
	store: (
		<Icon>
			<line x1="2" y1="5.5" x2="16" y2="5.5" />
			<line x1="2" y1="12.5" x2="16" y2="12.5" />
		</Icon>
	),
	flow: (
		<Icon>
			<path d="M3 14 L14.5 3.5" />
			<path d="M9 3.5 H14.5 V9" />
		</Icon>
	),
	boundary: (
		<Icon>
			<rect x="2" y="2.5" width="14" height="13" rx="1" strokeDasharray="2.5 2" />
		</Icon>
	),
}
