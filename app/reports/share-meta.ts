// The tags a public page gives search engines and link previews: title, description, canonical address,
// Open Graph and Twitter card. Pure, shared by the report and claim pages.

export type ShareMeta = {
  title: string
  description: string
  url: string
  siteName: string
  /** `article:*` properties (published and modified times), placed after the Open Graph basics. */
  articleTimes?: Array<{ property: string; content: string }>
}

export function shareMeta({ title, description, url, siteName, articleTimes = [] }: ShareMeta) {
  return [
    { title: `${title} · ${siteName}` },
    { name: 'description', content: description },
    { tagName: 'link', rel: 'canonical', href: url },
    { property: 'og:type', content: 'article' },
    { property: 'og:site_name', content: siteName },
    { property: 'og:title', content: title },
    { property: 'og:description', content: description },
    { property: 'og:url', content: url },
    ...articleTimes,
    { name: 'twitter:card', content: 'summary' },
    { name: 'twitter:title', content: title },
    { name: 'twitter:description', content: description },
  ]
}
