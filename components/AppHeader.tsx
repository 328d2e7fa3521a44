import Link from 'next/link'

export function AppHeader() {
	return (
		<header className="app-header">
			<div className="app-header__inner">
				<Link className="brand" href="/">
					<BrandMark />
					Threatroom
				</Link>
			</div>
		</header>
	)
}

function BrandMark() {
	return (
		<svg className="brand__mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
			<path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" fill="currentColor" />
			<path d="m8.5 12 2.5 2.5 4.5-5" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
		</svg>
	)
}
