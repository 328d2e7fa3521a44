import { LocalCanvasLoader } from './CanvasLoaders'

/** `/`: a bare `<Tldraw/>`, the diagram created locally (`?shapes=50`). */
export default function Page() {
	return <LocalCanvasLoader />
}
