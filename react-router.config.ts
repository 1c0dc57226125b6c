import type { Config } from '@react-router/dev/config'

export default {
  ssr: true,
  future: {
    // Middleware runs for every route, resource routes included: the place for request-wide rules.
    v8_middleware: true,
    v8_passThroughRequests: true,
    v8_splitRouteModules: true,
    v8_trailingSlashAwareDataRequests: true,
    v8_viteEnvironmentApi: true,
  },
} satisfies Config
