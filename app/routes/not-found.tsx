import { data } from 'react-router'

// Every unknown address lands here so the root error page can answer with a friendly 404.
export function loader() {
  throw data({ message: 'There is no page at this address.' }, { status: 404 })
}

export default function NotFound() {
  return null
}
