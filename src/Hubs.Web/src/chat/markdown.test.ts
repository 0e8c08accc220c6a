// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from './markdown';

const payloads = [
  '<script>window.__xss = 1</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=alert(1)><circle r=1 /></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<details open ontoggle=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](javascript&colon;alert(1))',
  '[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[click](&#x6A;avascript:alert(1))',
  '[click](java%0ascript:alert(1))',
  '[click](<java\tscript:alert(1)>)',
  '[click]( javascript:alert(1))',
  '[click](\u0001javascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](VBScript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](DATA:text/html,<script>alert(1)</script>)',
  '[click](file:///etc/passwd)',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  '![x](javascript:alert(1))',
  '![x](https://evil.example/x.png" onerror="alert(1))',
  '![x" onerror="alert(1)](https://example.com/a.png)',
  '[x](https://example.com" onclick="alert(1))',
  '**<img src=x onerror=alert(1)>**',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '@bob"><img src=x onerror=alert(1)>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
];

function parse(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

function assertHarmless(html: string): void {
  const host = parse(html);
  for (const el of host.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    expect(['script', 'iframe', 'img', 'svg', 'object', 'embed', 'style', 'math', 'details', 'form'])
      .not.toContain(tag);
    for (const attr of el.attributes) {
      expect(attr.name.toLowerCase().startsWith('on'), `${tag} has ${attr.name}`).toBe(false);
      expect(['src', 'srcdoc', 'data', 'formaction', 'xlink:href']).not.toContain(attr.name.toLowerCase());
    }
    const href = el.getAttribute('href');
    if (href !== null) expect(href).toMatch(/^(https?:\/\/|mailto:)/i);
  }
}

describe('renderMarkdown', () => {
  it.each(payloads)('renders %j without anything that could run', (payload) => {
    const html = renderMarkdown(payload, 'bob');

    assertHarmless(html);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<a[^>]+href="\s*(javascript|vbscript|data|file):/i);
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<b>hi</b>');

    expect(html).toContain('&lt;b&gt;hi&lt;/b&gt;');
    expect(parse(html).querySelector('b')).toBeNull();
  });

  it('renders ordinary Markdown', () => {
    const host = parse(renderMarkdown('hello **world** and _you_\n\n- a\n- b\n\n`code`'));

    expect(host.querySelector('strong')?.textContent).toBe('world');
    expect(host.querySelector('em')?.textContent).toBe('you');
    expect(host.querySelectorAll('li')).toHaveLength(2);
    expect(host.querySelector('code')?.textContent).toBe('code');
  });

  it('opens safe links in a new tab without an opener', () => {
    const host = parse(renderMarkdown('[site](https://example.com/a?b=1) and https://www.example.org/x'));
    const links = [...host.querySelectorAll('a')];

    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1',
      'https://www.example.org/x',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('keeps mailto links', () => {
    const a = parse(renderMarkdown('[mail](mailto:bob@example.com)')).querySelector('a');

    expect(a?.getAttribute('href')).toBe('mailto:bob@example.com');
  });

  it('marks mentions and those of the reader', () => {
    const host = parse(renderMarkdown('hi @bob and @carol, also @all. mail bob@example.com', 'bob'));
    const mentions = [...host.querySelectorAll('.mention')].map((el) => [
      el.textContent,
      el.classList.contains('mention-me'),
    ]);

    expect(mentions).toEqual([['@bob', true], ['@carol', false], ['@all', true]]);
  });

  it('does not treat code as a mention', () => {
    const host = parse(renderMarkdown('`@bob`', 'bob'));

    expect(host.querySelector('.mention')).toBeNull();
  });
});

describe('isSafeUrl', () => {
  it.each(['https://a.example', 'http://a.example/x', 'mailto:a@b.example'])('allows %s', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each(['javascript:alert(1)', ' https://a.example', 'java\nscript:x', '/relative', 'data:x', 'ftp://x'])(
    'refuses %j',
    (url) => {
      expect(isSafeUrl(url)).toBe(false);
    },
  );
});
