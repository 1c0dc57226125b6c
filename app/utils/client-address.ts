// The HTTP server puts the connecting address in this header, replacing any copy a client sent.
export const CLIENT_ADDRESS_HEADER = 'x-factdesk-client-address'

export function clientAddress(request: Request) {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown'
}
