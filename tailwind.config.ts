import type { Config } from 'tailwindcss'

// Colours carry meaning here (claim status, verdict); every use pairs them with a text label.
export default {
  content: ['./app/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        sans: ['Inter', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
        serif: ['Charter', 'Georgia', 'Cambria', 'Times New Roman', 'serif'],
      },
      colors: {
        ink: { DEFAULT: '#1f2328', muted: '#57606a', faint: '#8c959f' },
        paper: { DEFAULT: '#ffffff', sunk: '#f6f8fa', line: '#d0d7de' },
        brand: { DEFAULT: '#1d4ed8', dark: '#1e3a8a', soft: '#dbeafe' },
        status: {
          unreviewed: '#6b7280',
          research: '#b45309',
          review: '#7c3aed',
          approved: '#15803d',
        },
      },
      maxWidth: { prose: '68ch' },
    },
  },
} satisfies Config
