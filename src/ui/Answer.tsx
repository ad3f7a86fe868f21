import { h, Fragment } from 'preact';
import type { Block, Inline } from '../core/markup';
import { articleLinkId } from '../core/markup';
import { Link } from './Link';
import { useWidget } from './context';

export interface AnswerProps {
  blocks: Block[];
}

function Inlines({ nodes }: { nodes: Inline[] }) {
  const { controller } = useWidget();
  return (
    <>
      {nodes.map((node, i) => {
        if (node.type === 'text') return node.text;
        if (node.type === 'break') return <br key={i} />;
        if (node.type === 'code') return <code key={i}>{node.text}</code>;
        const children = <Inlines nodes={node.children} />;
        if (node.type !== 'link') {
          const Tag = node.type;
          return <Tag key={i}>{children}</Tag>;
        }
        // `#faq/<id>` opens another entry inside the widget, not the host page's anchor.
        const articleId = articleLinkId(node.href);
        const open = articleId
          ? (event: MouseEvent) => {
              event.preventDefault();
              controller.actions.openArticle(articleId);
            }
          : undefined;
        return <Link key={i} href={node.href} onClick={open}>{children}</Link>;
      })}
    </>
  );
}

function Blocks({ blocks }: AnswerProps) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}><Inlines nodes={block.children} /></p>;
        // The entry's question is the h3 above: its sub-headings are one level below.
        if (block.type === 'heading') return <h4 key={i}><Inlines nodes={block.children} /></h4>;
        if (block.type === 'quote') return <blockquote key={i}><Blocks blocks={block.blocks} /></blockquote>;
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i} start={block.start}>
            {block.items.map((item, j) => <li key={j}><Inlines nodes={item} /></li>)}
          </List>
        );
      })}
    </>
  );
}

/** The parsed answer as real elements. */
export function Answer({ blocks }: AnswerProps) {
  return (
    <div class="faq-answer">
      <Blocks blocks={blocks} />
    </div>
  );
}
