import { AppHeader } from '@/components/AppHeader'
import { CreateSessionForm } from '@/components/home/CreateSessionForm'
import { ImportThreatDragon } from '@/components/home/ImportThreatDragon'
import { MySessions } from '@/components/home/MySessions'

export default function HomePage() {
	return (
		<>
			<AppHeader />
			<main className="page">
				<div className="intro">
					<h1 className="intro__title">Start a threat-modeling session</h1>
					<p className="intro__text">
						Draw the system as a data-flow diagram together in real time, then walk it for threats. No accounts: you get one link per role to share with your
						team.
					</p>
				</div>
				<div className="home-stack">
					<CreateSessionForm />
					<ImportThreatDragon />
					<MySessions />
				</div>
			</main>
		</>
	)
}
