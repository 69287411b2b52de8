import { describe, it, expect } from 'vitest';
import { filingRoot, identifierMatchValue, normaliseCertSha256 } from '../../lib/domain/identifiers';

describe('filingRoot', () => {
  it('cuts App, mini program, quick app and website suffixes', () => {
    expect(filingRoot('京ICP备12345678号-3A')).toBe('京ICP备12345678号');
    expect(filingRoot('京ICP备12345678号-1A')).toBe('京ICP备12345678号');
    expect(filingRoot('浙ICP备2023012345号-5A')).toBe('浙ICP备2023012345号');
    expect(filingRoot('粤ICP备2023012345号-2X')).toBe('粤ICP备2023012345号');
    expect(filingRoot('沪ICP备20001234号-12K')).toBe('沪ICP备20001234号');
    expect(filingRoot('京ICP备12345678号-1')).toBe('京ICP备12345678号');
  });

  it('keeps a number without suffix', () => {
    expect(filingRoot('京ICP备12345678号')).toBe('京ICP备12345678号');
  });

  it('gives every filing of one filer the same root', () => {
    const roots = new Set(['京ICP备12345678号-1', '京ICP备12345678号-3A', '京ICP备12345678号-4X', '京ICP备12345678号'].map(filingRoot));
    expect(roots.size).toBe(1);
    expect(filingRoot('京ICP备12345679号-3A')).not.toBe(filingRoot('京ICP备12345678号-3A'));
  });

  it('folds whitespace, full-width characters, dash variants and case', () => {
    expect(filingRoot(' 京ICP备12345678号－3A ')).toBe('京ICP备12345678号');
    expect(filingRoot('京ICP备１２３４５６７８号—3a')).toBe('京ICP备12345678号');
    expect(filingRoot('京icp备12345678号 - 3A')).toBe('京ICP备12345678号');
  });

  it('handles numbers written without 号', () => {
    expect(filingRoot('京ICP备12345678-3A')).toBe('京ICP备12345678');
  });

  it('does not cut text that is not a filing suffix', () => {
    expect(filingRoot('京ICP证123456号')).toBe('京ICP证123456号');
    expect(filingRoot('京ICP备12345678号（已注销）')).toBe('京ICP备12345678号(已注销)'); // NFKC folds the brackets
  });
});

describe('identifierMatchValue', () => {
  const hex = 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12';

  it('uses the filing root for filing numbers', () => {
    expect(identifierMatchValue('filing_number', '京ICP备12345678号-3A')).toBe('京ICP备12345678号');
  });

  it('lower-cases certificate fingerprints and removes colons', () => {
    const colons = hex.toUpperCase().match(/../g)!.join(':');
    expect(identifierMatchValue('cert_sha256', colons)).toBe(hex);
    expect(identifierMatchValue('cert_sha256', ` ${hex.toUpperCase()} `)).toBe(hex);
    expect(normaliseCertSha256('AB:CD')).toBe('abcd');
  });

  it('trims other identifiers and keeps their case', () => {
    expect(identifierMatchValue('package_name', '  com.yunfan.order ')).toBe('com.yunfan.order');
    expect(identifierMatchValue('bundle_id', 'cn.Yunfan.Order')).toBe('cn.Yunfan.Order');
    expect(identifierMatchValue('mini_program_appid', 'wx1a2b3c4d5e6f7a8b\n')).toBe('wx1a2b3c4d5e6f7a8b');
  });
});
