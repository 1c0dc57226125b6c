import { data } from 'react-router'

/**
 * Stops a loader or action with an error response when `condition` is false: the route's
 * ErrorBoundary shows `message` with the status (400 unless told). As in the Epic Stack.
 */
export function invariantResponse(
  condition: unknown,
  message: string | (() => string),
  responseInit?: ResponseInit,
): asserts condition {
  if (!condition) {
    throw data({ message: typeof message === 'function' ? message() : message }, { status: 400, ...responseInit })
  }
}
