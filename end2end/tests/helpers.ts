import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export function demoLogin(): { email: string; password: string; dataDir: string } {
  return JSON.parse(readFileSync('.run/demo.json', 'utf8'));
}

/** Waits until the wasm has hydrated the page (the client sets data-hydrated). */
export async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
