/** Traditional → simplified where OpenCC's t→cn table keeps 著 for the aspect particle 着. */
import { describe, expect, it } from 'vitest';
import { toSimplified } from '../../server/extract/simplify';

describe('toSimplified', () => {
  it('writes the particle 著 after a verb or preposition as 着', () => {
    expect(toSimplified('堅持服務跟著項目走')).toBe('坚持服务跟着项目走');
    expect(toSimplified('隨著發展,本著原則,圍繞著目標')).toBe('随着发展,本着原则,围绕着目标');
  });

  it('keeps 著 where it is 著 (显著, 著名) and keeps the length', () => {
    const s = '顯著提高,著名品牌,跟著走';
    expect(toSimplified(s)).toBe('显著提高,著名品牌,跟着走');
    expect(toSimplified(s)).toHaveLength(s.length);
  });
});
