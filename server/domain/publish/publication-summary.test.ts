import { describe, expect, it } from 'vitest';
import { publicationSummary } from './publication-summary.ts';

describe('publicationSummary', () => {
  it('says how many must withdraw from reserves and how many have, in both languages', () => {
    const s = publicationSummary({ total: 23, byAction: [{ action: 'withdraw', total: 23, done: 19 }], unflagged: 0, showsProgress: true });
    expect(s.en).toBe('23 enterprises in nature reserves must withdraw; 19 have.');
    expect(s.zh).toBe('自然保护区内23家企业须退出，已退出19家。');
  });

  it('leaves progress out when the publication does not show it', () => {
    const s = publicationSummary({
      total: 23,
      byAction: [{ action: 'withdraw', total: 23, done: 19 }],
      unflagged: 0,
      showsProgress: false,
    });
    expect(s.en).toBe('23 enterprises in nature reserves must withdraw.');
    expect(s.zh).not.toContain('19');
  });

  it('lists actions most severe first, whatever order they come in, and counts the unflagged last', () => {
    const s = publicationSummary({
      total: 40,
      byAction: [
        { action: 'relocate', total: 3, done: 1 },
        { action: 'close', total: 1, done: 0 },
      ],
      unflagged: 36,
      showsProgress: true,
    });
    expect(s.en).toBe('1 enterprise must close; 0 have. 3 enterprises must relocate; 1 has. 36 enterprises are not flagged.');
  });

  it('actions no case tracks get no "have done" part', () => {
    const s = publicationSummary({ total: 5, byAction: [{ action: 'green', total: 5, done: 0 }], unflagged: 0, showsProgress: true });
    expect(s.en).toBe('5 enterprises are designated for green manufacturing.');
  });

  it('zero enterprises', () => {
    expect(publicationSummary({ total: 0, byAction: [], unflagged: 0, showsProgress: true }).en).toBe('This map shows no enterprises.');
  });

  it('large numbers are grouped', () => {
    const s = publicationSummary({ total: 1_234_567, byAction: [], unflagged: 1_234_567, showsProgress: false });
    expect(s.en).toBe('1,234,567 enterprises are not flagged.');
  });
});
