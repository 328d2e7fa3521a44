import type { ReactNode } from 'react'

export function PanelSection({ title, aside, children, testId }: { title: string; aside?: ReactNode; children: ReactNode; testId?: string }) {
	return (
		<section className="tr-section" data-testid={testId} aria-label={title}>
			<header className="tr-section__header">
				<h2 className="tr-section__title">{title}</h2>
				{aside}
			</header>
			{children}
		</section>
	)
}
