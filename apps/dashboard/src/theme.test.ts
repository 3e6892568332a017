import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariablesResolver, readableOn, theme } from './theme';

describe('theme contrast', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2); // Mantine's default dimmed
  });

  it('darkens a color only as far as it must to read at 4.5:1', () => {
    expect(readableOn('#000000', '#ffffff')).toBe('#000000');
    const green = readableOn('#2b8a3e', '#b2f2bb');
    expect(contrastRatio(green, '#b2f2bb')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives every light-variant text color at least 4.5:1 on its background, hovered or not', () => {
    const merged = mergeMantineTheme(DEFAULT_THEME, theme);
    const { light } = cssVariablesResolver(merged);
    for (const [name, shades] of Object.entries(merged.colors)) {
      const text = light[`--mantine-color-${name}-light-color`] ?? shades[9];
      expect([name, contrastRatio(text, shades[1]) >= 4.5]).toEqual([name, true]);
      expect([name, contrastRatio(text, shades[2]) >= 4.5]).toEqual([name, true]);
    }
  });

  it('writes field errors in a red that reads on white', () => {
    const merged = mergeMantineTheme(DEFAULT_THEME, theme);
    const { light } = cssVariablesResolver(merged);
    expect(contrastRatio(light['--mantine-color-error'], '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('fills with shade 8 and picks black or white text by contrast', () => {
    expect(theme.primaryShade).toEqual({ light: 8, dark: 8 });
    expect(theme.autoContrast).toBe(true);
    const merged = mergeMantineTheme(DEFAULT_THEME, theme);
    for (const shades of Object.values(merged.colors)) {
      const fill = shades[8];
      const best = Math.max(contrastRatio(fill, '#ffffff'), contrastRatio(fill, '#000000'));
      expect(best).toBeGreaterThanOrEqual(4.5);
    }
  });
});
