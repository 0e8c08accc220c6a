import MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';

type Renderer = ReturnType<typeof MarkdownIt>;
import DOMPurify from 'dompurify';

// Message text is untrusted. markdown-it runs with raw HTML off and an allowlist of link schemes;
// DOMPurify then cleans the output against a small tag/attribute allowlist as a second line.

const SAFE_SCHEME = /^(https?:\/\/|mailto:)/i;

/** True only for http, https and mailto URLs (after markdown-it's normalisation). */
export function isSafeUrl(url: string): boolean {
  // Control characters and white space are how scheme filters usually get fooled; refuse them.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return false;
  return SAFE_SCHEME.test(url);
}

const MENTION_NAME = /^@([a-z0-9][a-z0-9._-]{0,63})/;

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const prev = state.pos > 0 ? state.src[state.pos - 1] ?? '' : '';
  if (/[A-Za-z0-9._-]/.test(prev)) return false; // part of an e-mail address or a word
  const match = MENTION_NAME.exec(state.src.slice(state.pos));
  if (!match) return false;
  // A trailing '.' ends a sentence rather than the name ("thanks @bob.").
  const name = (match[1] ?? '').replace(/[.]+$/, '');
  if (!silent) {
    const token = state.push('mention', '', 0);
    token.content = name;
  }
  state.pos += name.length + 1;
  return true;
}

function createRenderer(): Renderer {
  const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
  md.validateLink = isSafeUrl;
  // Remote images would leak readers' addresses and are refused by the CSP anyway.
  md.disable('image');
  md.inline.ruler.after('emphasis', 'mention', mentionRule);
  md.renderer.rules['mention'] = (tokens, idx, _options, env) => {
    const me = (env as RenderEnv | undefined)?.me;
    const name = tokens[idx]?.content ?? '';
    const isMe = name === 'all' || (me !== undefined && name === me);
    const cls = isMe ? 'mention mention-me' : 'mention';
    return `<span class="${cls}" data-mention="${md.utils.escapeHtml(name)}">@${md.utils.escapeHtml(name)}</span>`;
  };
  return md;
}

interface RenderEnv {
  [key: string | symbol]: unknown;
  me?: string;
}

const ALLOWED_TAGS = [
  'a', 'b', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];
const ALLOWED_ATTR = ['href', 'class', 'data-mention', 'target', 'rel', 'start', 'style'];

let purifierReady = false;

function purify(html: string): string {
  if (!purifierReady) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href');
        if (href === null || !isSafeUrl(href)) node.removeAttribute('href');
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
      // markdown-it only writes style for table alignment; keep that and nothing else.
      const style = node.getAttribute('style');
      if (style !== null && !/^text-align:(left|right|center)$/.test(style)) {
        node.removeAttribute('style');
      }
    });
    purifierReady = true;
  }
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}

let renderer: Renderer | null = null;

/** Renders message Markdown to sanitised HTML; `me` marks mentions of the reader. */
export function renderMarkdown(text: string, me?: string): string {
  renderer ??= createRenderer();
  const env: RenderEnv = me === undefined ? {} : { me };
  return purify(renderer.render(text, env));
}
