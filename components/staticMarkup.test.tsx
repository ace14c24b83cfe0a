import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseFixture } from '@/scenes/testing';
import { stepsOf } from '@/lib/present/steps';
import { StepSections } from './present/StepSections';
import { ScrollStory } from './ScrollStory';
import styles from './ScrollStory.module.css';
import tape from './Tape.module.css';
import { staticMarkup } from './staticMarkup';

describe('staticMarkup', () => {
  it('renders a whole night of a story exactly as React does', () => {
    const tree = <ScrollStory story={parseFixture('night')} />;
    expect(staticMarkup(tree)).toBe(renderToStaticMarkup(tree));
  });

  it('carries the class names of the CSS modules, as the stylesheet names them', () => {
    // Vitest gives a CSS module stable, non-empty names without processing the CSS: were they
    // empty, both renderers would leave every class out and the comparison above would prove less.
    const html = staticMarkup(<ScrollStory story={parseFixture('night')} />);
    for (const name of [styles.beat, styles.body, styles.para, styles.sceneTitle, tape.tape, tape.word]) {
      expect(name).toMatch(/\w/);
      expect(html).toContain(`class="${name}"`);
    }
  });

  it('renders a fixture story exactly as React does', () => {
    const tree = <ScrollStory story={parseFixture('small')} />;
    expect(staticMarkup(tree)).toBe(renderToStaticMarkup(tree));
  });

  it('renders the presentation’s steps exactly as React does', () => {
    for (const fixture of ['night', 'small'] as const) {
      const story = parseFixture(fixture);
      const tree = <StepSections story={story} steps={stepsOf(story)} />;
      expect(staticMarkup(tree)).toBe(renderToStaticMarkup(tree));
    }
  });

  it('escapes text and attributes, and renders attributes the way React does', () => {
    const Inner = ({ text }: { text: string }) => <em title={text}>{text}</em>;
    const tree = (
      <>
        <p className="a" tabIndex={-1} data-on data-off={false} aria-hidden={false} hidden={false} inert id={undefined}>
          {'<b> & "q" \'s\''}
          {0}
          {null}
          {false}
          <Inner text={'"x" & <y>'} />
          <br />
        </p>
        <label htmlFor="x" hidden>
          {['one', ' ', 'two']}
        </label>
      </>
    );
    expect(staticMarkup(tree)).toBe(renderToStaticMarkup(tree));
  });

  it('refuses what static HTML cannot carry', () => {
    expect(() => staticMarkup(<button onClick={() => undefined}>x</button>)).toThrow(/onClick/);
    expect(() => staticMarkup(<p style={{ color: 'red' }}>x</p>)).toThrow(/style/);
  });
});
