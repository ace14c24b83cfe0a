import { describe, expect, it } from 'vitest';
import { windowTitle } from './windowTitle';

describe('windowTitle', () => {
  it('gives each window its own title, with the story’s', () => {
    const titles = (['audience', 'presenter', 'handouts'] as const).map((w) => windowTitle(w, 'Come Home'));
    expect(titles).toEqual(['Presentation · Come Home', 'Presenter notes · Come Home', 'Handouts · Come Home']);
    expect(windowTitle('presenter', 'Another Story')).toBe('Presenter notes · Another Story');
  });
});
