import {
  createTheme,
  darken,
  luminance,
  Modal,
  Notification,
  TableScrollContainer,
  type CSSVariablesResolver,
  type MantineTheme,
} from '@mantine/core';

/** WCAG contrast ratio of two colors (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `color` darkened in small steps until it reads on `background` at 4.5:1 (WCAG AA, normal text). */
export function readableOn(color: string, background: string): string {
  let readable = color;
  for (let step = 0; step < 20 && contrastRatio(readable, background) < 4.5; step++)
    readable = darken(color, 0.05 * (step + 1));
  return readable;
}

export const theme = createTheme({
  primaryColor: 'blue',
  // Filled buttons and badges, links and colored text on shade 8: white text on blue reads at 5:1
  // (Mantine's default shade 6 gives 3.6:1, under WCAG AA's 4.5:1).
  primaryShade: { light: 8, dark: 8 },
  // Black or white text on filled colors, whichever reads better (0.179 is where the two
  // contrast ratios cross, so either choice is at least 4.5:1).
  autoContrast: true,
  luminanceThreshold: 0.179,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Focus rings for keyboard users only.
  focusRing: 'auto',
  // Users who ask their system for less motion get modals, menus and notifications without the fade.
  respectReducedMotion: true,
  components: {
    // Close buttons get names of their own (axe: button-name).
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
    }),
    // A table wider than the screen scrolls sideways: its viewport takes focus, so keyboard users
    // can scroll it with the arrow keys (axe: scrollable-region-focusable).
    TableScrollContainer: TableScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

/**
 * Text colors that pass WCAG AA in the light scheme: dimmed text is gray 7 (gray 6 is 3.3:1 on
 * white), and the text of "light" and "subtle" badges, alerts and buttons is darkened where shade 9
 * reads under 4.5:1 on their background (green, yellow, orange, teal, lime; blue when hovered).
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme: MantineTheme) => {
  const lightColors: Record<string, string> = {};
  // Light variants draw shade 9 on shade 1, and on shade 2 when hovered: readable on both.
  for (const [name, shades] of Object.entries(resolvedTheme.colors))
    if (contrastRatio(shades[9], shades[2]) < 4.5)
      lightColors[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2]);
  // Field errors (and a file input's name while it is in error) read on white: red 6 is 3.3:1.
  const error = readableOn(resolvedTheme.colors.red[6], resolvedTheme.white);
  // Merged over Mantine's own variables.
  return {
    variables: {},
    light: {
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-error': error,
      ...lightColors,
    },
    dark: {},
  };
};
