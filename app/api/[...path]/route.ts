import { jsonResponse } from '@/lib/api/http'

export const runtime = 'nodejs'
export const dynamic = 'force-dynamic'

// An /api path no route serves: a JSON 404 with the API's own headers, like every other API answer,
// rather than Next.js's HTML page.
function notFound(): Response {
	return jsonResponse({ error: 'Not found' }, 404)
}

export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT }
