/**
 * The phone's position for a check-in, asked of the browser when the user
 * checks in (never watched in the background). When the browser has no
 * geolocation, or the user or the phone refuses it, the page offers typing
 * the position by hand instead.
 */
import { useCallback, useState } from 'react';

export interface Fix {
  lat: number;
  lon: number;
  accuracyM: number | null;
}

export type PositionProblem = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

const TIMEOUT_MS = 15_000;
const MAX_AGE_MS = 60_000;

export function geolocationSupported(): boolean {
  return typeof navigator !== 'undefined' && 'geolocation' in navigator;
}

export function usePosition(): {
  locating: boolean;
  problem: PositionProblem | null;
  locate: () => Promise<Fix | null>;
} {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<PositionProblem | null>(
    geolocationSupported() ? null : 'unsupported',
  );

  const locate = useCallback(async (): Promise<Fix | null> => {
    if (!geolocationSupported()) {
      setProblem('unsupported');
      return null;
    }
    setLocating(true);
    try {
      const position = await new Promise<GeolocationPosition>((resolve, reject) =>
        navigator.geolocation.getCurrentPosition(resolve, reject, {
          enableHighAccuracy: true,
          timeout: TIMEOUT_MS,
          maximumAge: MAX_AGE_MS,
        }),
      );
      setProblem(null);
      return {
        lat: Math.round(position.coords.latitude * 1e6) / 1e6,
        lon: Math.round(position.coords.longitude * 1e6) / 1e6,
        accuracyM: Number.isFinite(position.coords.accuracy) ? position.coords.accuracy : null,
      };
    } catch (error) {
      const code = (error as GeolocationPositionError | undefined)?.code;
      setProblem(code === 1 ? 'denied' : code === 3 ? 'timeout' : 'unavailable');
      return null;
    } finally {
      setLocating(false);
    }
  }, []);

  return { locating, problem, locate };
}
