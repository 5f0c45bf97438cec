/**
 * The signals an HTML page carries in `<meta>` and `<link>` elements, read with htmlparser2 (a real HTML
 * tokenizer: attributes in any order and quoting, entities, comments and scripts are handled as browsers do).
 */
import { Parser } from 'htmlparser2';

export interface HtmlMeta {
  /** Lower-cased `name`. */
  name: string;
  content: string;
}

export interface HtmlLink {
  /** Lower-cased `rel` tokens. */
  rel: string[];
  href: string;
  type: string | null;
}

export interface HtmlSignals {
  metas: HtmlMeta[];
  links: HtmlLink[];
}

/** Reads every `<meta name content>` and `<link rel href>` of a document. Never throws. */
export function readHtmlSignals(html: string): HtmlSignals {
  const out: HtmlSignals = { metas: [], links: [] };
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (tag === 'meta' && attrs.name !== undefined && attrs.content !== undefined) {
          out.metas.push({ name: attrs.name.trim().toLowerCase(), content: attrs.content.trim() });
        } else if (tag === 'link' && attrs.rel !== undefined && attrs.href !== undefined) {
          out.links.push({ rel: attrs.rel.toLowerCase().split(/\s+/).filter(Boolean), href: attrs.href.trim(), type: attrs.type?.trim().toLowerCase() ?? null });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return out;
}
