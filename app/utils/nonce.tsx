import { createContext, useContext } from 'react'

// The per-request Content-Security-Policy nonce, for the few inline scripts React Router renders.
const NonceContext = createContext<string>('')

export const NonceProvider = NonceContext.Provider

export function useNonce() {
  return useContext(NonceContext)
}
