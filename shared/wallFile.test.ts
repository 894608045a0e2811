// What may go on the wall is decided by a file's first bytes, not its declared type or name.
import { describe, expect, it } from 'vitest';
import { describeUnshowable, looksShowable, sniffWallType, unshowableMessage } from './wallFile.ts';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('sniffWallType', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['PNG', bytes(PNG, [0, 0, 0, 13], 'IHDR'), 'image/png'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), 'image/gif'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), 'image/gif'],
    ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n%\xe2\xe3\n'), 'application/pdf'],
    ['HTML', bytes('<!DOCTYPE html><script>alert(1)</script>'), null],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'), null],
    ['a PDF marker after an HTML head (polyglot)', bytes('<html>%PDF-1.4'), null],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), null],
    ['PNG cut short', bytes(PNG.slice(0, 4)), null],
    ['plain text', bytes('hello'), null],
    ['empty', new Uint8Array(0), null],
  ])('%s', (_name, data, type) => expect(sniffWallType(data)).toBe(type));
});

describe('why a file cannot be shown', () => {
  it.each<[string, string]>([
    ['<!doctype html><p>x', 'an HTML page'],
    ['  <html><body>', 'an HTML page'],
    ['<script>alert(1)</script>', 'an HTML page'],
    ['<svg xmlns="http://www.w3.org/2000/svg"/>', 'an SVG drawing'],
    ['<?xml version="1.0"?>\n<svg/>', 'an SVG drawing'],
    ['<?xml version="1.0"?><note/>', 'an XML document'],
    ['a,b,c\n1,2,3', 'not an image or a PDF'],
  ])('%s is %s', (text, what) => expect(describeUnshowable(bytes(text))).toBe(what));

  it('says what can be shown', () => {
    expect(unshowableMessage('an SVG drawing')).toBe('This file is an SVG drawing: only PNG, JPEG, WebP and GIF images and PDFs can be shown on the wall (it can still be downloaded).');
  });

  it('guesses from the declared type or the name for the console list', () => {
    expect(looksShowable({ kind: 'file', contentType: 'image/webp', fileName: 'a' })).toBe(true);
    expect(looksShowable({ kind: 'file', contentType: 'application/octet-stream', fileName: 'plan.PDF' })).toBe(true);
    expect(looksShowable({ kind: 'file', contentType: 'image/svg+xml', fileName: 'logo.svg' })).toBe(false);
    expect(looksShowable({ kind: 'link', contentType: null, fileName: null })).toBe(false);
  });
});
