// Types of html-browser.mjs, for the TypeScript tests that use it.
import type { Browser, Page } from 'playwright-core'

export const CHROMIUM: string
export const CHROMIUM_MISSING: string
export function hasChromium(): boolean
export function launch(): Promise<Browser>
export function openReport(
  browser: Browser,
  html: string,
  size?: { width?: number; height?: number },
): Promise<{ tab: Page; errors: string[]; loadMs: number; drawMs: number; parseMs: number }>
