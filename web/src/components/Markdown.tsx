/**
 * A small Markdown renderer for report narratives and meeting minutes that builds React elements
 * and never HTML text, so nothing a writer types can become markup or script:
 * paragraphs (line breaks kept), headings, lists, block quotes, fenced code,
 * rules, and inline emphasis, strong, code and links. Links are kept only for
 * absolute http(s) addresses (markdownParse.ts); anything else shows as its
 * text. Parsing is pure and separate (markdownParse.ts); this file renders.
 */
import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdownParse';

export { parseMarkdown, parseInline, safeHref } from './markdownParse';

function renderInlines(inlines: readonly Inline[]): ReactNode[] {
  return inlines.map((inline, index) => {
    switch (inline.kind) {
      case 'text':
        return <Fragment key={index}>{inline.text}</Fragment>;
      case 'code':
        return <code key={index}>{inline.text}</code>;
      case 'strong':
        return <strong key={index}>{renderInlines(inline.children)}</strong>;
      case 'em':
        return <em key={index}>{renderInlines(inline.children)}</em>;
      case 'link':
        return (
          <a key={index} href={inline.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInlines(inline.children)}
          </a>
        );
      case 'break':
        return <br key={index} />;
    }
  });
}

function renderBlock(block: Block, index: number): ReactNode {
  switch (block.kind) {
    case 'heading': {
      // The page has its h1 and section h2s: a narrative's "#" starts at h3.
      const Tag = `h${Math.min(6, block.level + 2)}` as 'h3' | 'h4' | 'h5' | 'h6';
      return <Tag key={index}>{renderInlines(block.inlines)}</Tag>;
    }
    case 'paragraph':
      return <p key={index}>{renderInlines(block.inlines)}</p>;
    case 'quote':
      return (
        <blockquote key={index}>
          <p>{renderInlines(block.inlines)}</p>
        </blockquote>
      );
    case 'code':
      return (
        <pre key={index} dir="ltr">
          <code>{block.text}</code>
        </pre>
      );
    case 'rule':
      return <hr key={index} />;
    case 'list': {
      const items = block.items.map((item, n) => <li key={n}>{renderInlines(item)}</li>);
      return block.ordered ? (
        <ol key={index} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={index}>{items}</ul>
      );
    }
  }
}

/** Renders Markdown text as React elements (see the header: no HTML ever passes through). */
export function Markdown({
  text,
  className,
  ...attributes
}: {
  text: string;
  className?: string;
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
  'data-testid'?: string;
}) {
  return (
    <div className={className ? `markdown ${className}` : 'markdown'} {...attributes}>
      {parseMarkdown(text).map(renderBlock)}
    </div>
  );
}
