import type { MetadataRoute } from 'next';
import { SITE_URL, routes } from '@/lib/site';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return routes.map((route) => ({
    url: `${SITE_URL}${route === '/' ? '' : route}`,
    changeFrequency: 'yearly',
    priority: route === '/' ? 1 : route === '/read' ? 0.8 : 0.5,
  }));
}
