import { moodChannels, moods, type Mood, type MoodKey } from '@/scenes/moods';
import { mix, smoothstep } from '@/lib/math';
import { toCoord, type Arc, type Position } from './position';

/** A mood key pinned to a point of the story (a coordinate, see `toCoord`). */
export interface MoodKeyframe {
  at: number;
  key: MoodKey;
}

/**
 * Lays the content file's mood keys along the story. A key sits where the beat that
 * names it begins (a scene's key where the scene begins), so a reader arriving at a
 * scene, by scrolling, by a link or by a step, finds its light exactly. A scene's last
 * key is held until the middle of its last beat: the light changes over the last half
 * beat before the next scene, leading the text a little, as light does.
 */
export function moodKeyframes(arc: Arc): MoodKeyframe[] {
  const frames: MoodKeyframe[] = [];
  const push = (at: number, key: MoodKey) => {
    const last = frames[frames.length - 1];
    if (last && last.at === at) last.key = key;
    else frames.push({ at, key });
  };
  arc.sceneStarts.forEach((start, s) => {
    const end = arc.sceneStarts[s + 1] ?? arc.beats.length;
    let active = arc.sceneMoods[s];
    push(start, arc.beats[start].mood ?? active);
    for (let i = start; i < end; i++) {
      const own = arc.beats[i].mood;
      if (own) {
        active = own;
        push(i, own);
      }
    }
    push(end - 0.5, active);
  });
  return frames;
}

export function mixMoods(a: Mood, b: Mood, t: number): Mood {
  const out = {} as Mood;
  for (const c of moodChannels) out[c] = mix(a[c], b[c], t);
  return out;
}

export function moodAtCoord(frames: MoodKeyframe[], coord: number): Mood {
  if (coord <= frames[0].at) return { ...moods[frames[0].key] };
  const last = frames[frames.length - 1];
  if (coord >= last.at) return { ...moods[last.key] };
  let i = 0;
  while (frames[i + 1].at <= coord) i++;
  const a = frames[i];
  const b = frames[i + 1];
  // Eased in and out, never turning back: every channel moves monotonically between keys.
  return mixMoods(moods[a.key], moods[b.key], smoothstep(a.at, b.at, coord));
}

/** A memo of keyframes per arc, since the arc is fixed for the life of a page. */
const framesByArc = new WeakMap<Arc, MoodKeyframe[]>();
function framesOf(arc: Arc): MoodKeyframe[] {
  let frames = framesByArc.get(arc);
  if (!frames) framesByArc.set(arc, (frames = moodKeyframes(arc)));
  return frames;
}

/** The light of the room at a position: the one function every driver's position goes through. */
export function moodAt(arc: Arc, position: Position): Mood {
  return moodAtCoord(framesOf(arc), toCoord(arc, position));
}

/**
 * With reduced motion the light does not follow every scroll pixel: each scene shows
 * its own key, and the change between scenes is a time-based cross-fade.
 */
export function sceneMoodAt(arc: Arc, position: Position): Mood {
  return { ...moods[arc.sceneMoods[position.scene]] };
}
