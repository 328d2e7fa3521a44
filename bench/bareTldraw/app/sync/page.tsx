import { SyncCanvasLoader } from '../CanvasLoaders'

/** `/sync`: a bare `<Tldraw/>` on tldraw sync (`?uri=ws://…/party/<room>`), the diagram from the room. */
export default function Page() {
	return <SyncCanvasLoader />
}
