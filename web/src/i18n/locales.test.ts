// Every patient-facing feature is complete in every language the app offers: same keys as English, the same
// {placeholders}, no empty text, and each non-English file marked as needing a qualified translator's review.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { REFERENCE_LANGUAGE, STAFF_ONLY_FEATURES } from './catalogue.ts';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const REVIEW_MARK = 'NEEDS REVIEW BY A QUALIFIED TRANSLATOR';

const features = readdirSync(SRC).filter((name) => existsSync(join(SRC, name, 'locales')));
const languagesOf = (feature: string) => readdirSync(join(SRC, feature, 'locales')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const offered = languagesOf('app');

async function texts(feature: string, language: string): Promise<Record<string, string>> {
  const module = (await import(join(SRC, feature, 'locales', `${language}.ts`))) as { default: Record<string, string> };
  return module.default;
}

const placeholders = (text: string) => [...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  it('offers English, Bengali and Somali at least', () => {
    expect(offered).toEqual(expect.arrayContaining(['en', 'bn', 'so']));
  });

  for (const feature of features.filter((f) => !STAFF_ONLY_FEATURES.includes(f))) {
    for (const language of offered.filter((l) => l !== REFERENCE_LANGUAGE)) {
      it(`${feature}: ${language} has every English key, with the same placeholders`, async () => {
        expect(languagesOf(feature)).toContain(language);
        const reference = await texts(feature, REFERENCE_LANGUAGE);
        const translated = await texts(feature, language);
        const optionalEmpty = new Set(['language.review']);
        expect(Object.keys(translated).sort()).toEqual(Object.keys(reference).sort());
        for (const [key, english] of Object.entries(reference)) {
          const text = translated[key] ?? '';
          if (!optionalEmpty.has(key)) expect(text.trim(), `${feature}/${language}: ${key} is empty`).not.toBe('');
          expect(placeholders(text), `${feature}/${language}: ${key} placeholders`).toEqual(placeholders(english));
        }
      });

      it(`${feature}: ${language} is marked as needing a qualified translator's review`, () => {
        const source = readFileSync(join(SRC, feature, 'locales', `${language}.ts`), 'utf8');
        expect(source.slice(0, 600)).toContain(REVIEW_MARK);
      });
    }
  }

  it('names each language in itself and gives it a locale', async () => {
    for (const language of offered) {
      const shell = await texts('app', language);
      expect(shell['language.name']).toBeTruthy();
      expect(shell['language.locale']).toMatch(/^[a-z]{2,3}(-[A-Z]{2})?$/);
      expect(['ltr', 'rtl']).toContain(shell['language.dir']);
    }
  });
});
