import type { Paragraph } from '@/scenes/types';
import { Spans } from './Spans';

/** A paragraph of the story as plain text on a page, in /read's style (and the handouts'). */
export function StoryParagraph({ paragraph, coda = false }: { paragraph: Paragraph; coda?: boolean }) {
  // The coda's one line is a closing card, set apart from the prose.
  if (coda) {
    return (
      <p data-paragraph="coda" className="para para--fin">
        <Spans spans={paragraph.spans} />
      </p>
    );
  }
  const body = (
    <p data-paragraph={paragraph.kind} className={`para para--${paragraph.kind}`}>
      <Spans spans={paragraph.spans} />
    </p>
  );
  // A recording is a quotation of another time and place; mark it as one.
  return paragraph.kind === 'voicemail' ? <blockquote className="voicemail">{body}</blockquote> : body;
}

/** The light, in a quiet aside, where it is set or changes: at a scene's start, and at the beat that changes it. */
export function LightNote({ light }: { light: string }) {
  return (
    <p className="scene-note">
      <span className="scene-note__label">The light: </span>
      {light}
    </p>
  );
}
