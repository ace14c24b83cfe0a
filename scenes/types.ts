import type { MoodKey } from './moods';

/** A run of text inside a paragraph; `em` marks the author's emphasis (`*like this*`). */
export interface Span {
  text: string;
  em?: boolean;
}

/**
 * How a paragraph is voiced. Dialogue opens with a quotation mark; the voicemail is
 * marked explicitly because it is a recording, not a conversation.
 */
export type ParagraphKind = 'narration' | 'dialogue' | 'voicemail';

export interface Paragraph {
  kind: ParagraphKind;
  spans: Span[];
  /** The typeset plain text of the paragraph (spans joined). */
  text: string;
  /** 1-based line in the content file, for error messages and debugging. */
  line: number;
}

/**
 * How a beat reads (see `beatKind`): the author's note, narration, an exchange of
 * dialogue, the voicemail, the story's last lines, and the coda (-Fin-).
 */
export type BeatKind = 'note' | 'narration' | 'dialogue' | 'voicemail' | 'final' | 'coda';

export interface Beat {
  /** Stable id, `${sceneId}-${n}` with n counted from 1 inside the scene. */
  id: string;
  /** Index of the beat among all beats of the story, from 0. */
  index: number;
  /** A mood key that takes over at this beat (else the scene's mood goes on). */
  mood?: MoodKey;
  /** With a mood: a short written description of the light as it changes here. */
  light?: string;
  kind: BeatKind;
  /**
   * A peak of the story (`:: beat hold`): every route stages it apart, with more space, larger
   * type and an arrival that takes its time and holds.
   */
  hold?: boolean;
  paragraphs: Paragraph[];
  words: number;
}

/** `note` is the author's note from the front matter; `coda` closes the story (-Fin-). */
export type SceneKind = 'note' | 'story' | 'coda';

export interface Scene {
  id: string;
  name: string;
  kind: SceneKind;
  mood: MoodKey;
  /**
   * A short written description of the light as the scene opens, for readers who cannot see
   * it. Changes later in the scene are told by the beats that bring them (`Beat.light`).
   */
  light: string;
  beats: Beat[];
}

export interface Story {
  title: string;
  /** Who wrote it, as the front matter's `author:` gives it; a story may leave it unsaid. */
  author?: string;
  lang: string;
  description: string;
  scenes: Scene[];
  words: number;
  /** Reading time in whole minutes at an unhurried pace. */
  minutes: number;
}
