import { describe, expect, it } from 'vitest';
import { isMoodKey, moodChannels, moodKeys, moods } from './moods';

describe('moods', () => {
  it('are each a distinct pose of the room, every channel within 0..1', () => {
    for (const key of moodKeys) {
      for (const c of moodChannels) expect(moods[key][c]).toBeGreaterThanOrEqual(0);
      for (const c of moodChannels) expect(moods[key][c]).toBeLessThanOrEqual(1);
    }
    const poses = new Set(moodKeys.map((k) => JSON.stringify(moods[k])));
    expect(poses.size).toBe(moodKeys.length);
    expect(isMoodKey('wine')).toBe(true);
    expect(isMoodKey('toString')).toBe(false);
  });

  it('give the night its lights: the warm grain, the red light, the heartbeat, his voice, the headlights', () => {
    expect(moods['title-card'].warmth).toBeGreaterThan(0.5);
    expect(moods['title-card'].glow).toBeGreaterThan(0);
    expect(moods.message.blink).toBeGreaterThan(0);
    expect(moods.heartbeat.pulse).toBeGreaterThan(0);
    expect(moods['line-opens'].pulse).toBeGreaterThan(0);
    expect(moods.headlights.headlights).toBeGreaterThan(0);
    // His recorded voice and then the call glow, from the message to the end of the call.
    for (const key of [
      'message',
      'line-opens',
      'call-opens',
      'call-warm',
      'song-swell',
      'come-home',
      'call-after',
    ] as const) {
      expect(moods[key].glow, key).toBeGreaterThan(0);
    }
  });

  it('warm and brighten through the call, then dim after he leaves', () => {
    const call = (['call-opens', 'call-warm', 'song-swell', 'come-home'] as const).map((k) => moods[k]);
    for (let i = 1; i < call.length; i++) {
      expect(call[i].light).toBeGreaterThan(call[i - 1].light);
      expect(call[i].warmth).toBeGreaterThanOrEqual(call[i - 1].warmth);
    }
    expect(moods['song-swell'].wine).toBeGreaterThan(0);
    expect(moods['call-after'].light).toBeLessThan(moods.headlights.light);
  });
});
