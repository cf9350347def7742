import { describe, expect, it } from 'vitest';
import { gradingClasses, isLowGraded } from './grading.ts';

describe('gradings on the canvas', () => {
  it('calls a fact low-graded when the source is D–F or the information 4–6', () => {
    expect(isLowGraded({ grading: 'B2' })).toBe(false);
    expect(isLowGraded({ grading: 'D1' })).toBe(true);
    expect(isLowGraded({ grading: 'A4' })).toBe(true);
    expect(isLowGraded({})).toBe(false);
  });
  it('styles only graded edges', () => {
    expect(gradingClasses({ grading: 'B2' })).toEqual(['graded']);
    expect(gradingClasses({ grading: 'F6' })).toEqual(['graded', 'low-graded']);
    expect(gradingClasses({ grading: 'Z9' })).toEqual([]);
  });
});
