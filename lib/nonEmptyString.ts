import * as z from 'zod/mini'

/** An id or key that must not be empty; zod/mini, so modules the browser loads can share it. */
export const nonEmptyString = z.string().check(z.minLength(1))
