/**
 * The alarm sound: two short tones made with the Web Audio API (no audio
 * files to fetch), played once when an L2/L3 alarm arrives. The mute switch
 * is kept in localStorage, so it holds across pages and visits on this
 * browser. A browser that has not seen a user gesture yet may keep the
 * audio context suspended; the banner stays the primary signal either way.
 */
import { useSyncExternalStore } from 'react';

const MUTE_KEY = 'tandem.alarmSound.muted';
const listeners = new Set<() => void>();
let context: AudioContext | null = null;

function readMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTE_KEY) === 'true';
  } catch {
    return false; // storage disabled by policy: the sound stays on
  }
}

let muted = typeof window === 'undefined' ? false : readMuted();

export function isAlarmSoundMuted(): boolean {
  return muted;
}

export function setAlarmSoundMuted(value: boolean): void {
  muted = value;
  try {
    window.localStorage.setItem(MUTE_KEY, value ? 'true' : 'false');
  } catch {
    // kept for this page only
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab switched the sound: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== MUTE_KEY) return;
    muted = readMuted();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useAlarmSoundMuted(): boolean {
  return useSyncExternalStore(subscribe, isAlarmSoundMuted);
}

/** Two falling tones, about 0.7 s in all; nothing when muted or when the browser has no Web Audio. */
export function playAlarmSound(): void {
  if (muted) return;
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (!AudioContextClass) return;
  try {
    context ??= new AudioContextClass();
    const audio = context;
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    const start = audio.currentTime + 0.02;
    for (const [offset, frequency] of [
      [0, 880],
      [0.36, 660],
    ] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'square';
      oscillator.frequency.value = frequency;
      // A short attack and release: no click at either end.
      gain.gain.setValueAtTime(0, start + offset);
      gain.gain.linearRampToValueAtTime(0.12, start + offset + 0.02);
      gain.gain.setValueAtTime(0.12, start + offset + 0.28);
      gain.gain.linearRampToValueAtTime(0, start + offset + 0.32);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.34);
    }
  } catch (error) {
    console.warn('The alarm sound could not be played', error);
  }
}
