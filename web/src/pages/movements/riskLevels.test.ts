import { describe, expect, it } from 'vitest';
import { levelClass, postureColour, riskColour, riskLevelForScore } from './riskLevels';

describe('risk levels', () => {
  it('grades scores at the server thresholds', () => {
    expect(riskLevelForScore(0)).toBe('low');
    expect(riskLevelForScore(24.9)).toBe('low');
    expect(riskLevelForScore(25)).toBe('medium');
    expect(riskLevelForScore(49)).toBe('medium');
    expect(riskLevelForScore(50)).toBe('high');
    expect(riskLevelForScore(74)).toBe('high');
    expect(riskLevelForScore(75)).toBe('critical');
    expect(riskLevelForScore(100)).toBe('critical');
  });

  it('gives each level its own colour, rising with the level, and grey without an assessment', () => {
    const colours = (['low', 'medium', 'high', 'critical'] as const).map(riskColour);
    expect(new Set(colours).size).toBe(4);
    expect(riskColour('critical')).toBe('#b42318');
    expect(riskColour(null)).toBe('#5a6474');
    expect(postureColour('critical')).toBe(riskColour('critical'));
    expect(postureColour('normal')).toBe(riskColour('low'));
  });

  it('names a badge class for every level and a neutral one for none', () => {
    expect(levelClass('high')).toBe('level-badge level-high');
    expect(levelClass('critical')).toBe('level-badge level-critical');
    expect(levelClass(null)).toBe('level-badge level-none');
    expect(levelClass('nonsense')).toBe('level-badge level-none');
  });
});
