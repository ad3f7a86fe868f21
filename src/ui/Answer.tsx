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
        const children = <Inlines nodes={node.children} />;
        if (node.type === 'strong') return <strong key={i}>{children}</strong>;
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

/** The parsed answer as real elements. */
export function Answer({ blocks }: AnswerProps) {
  return (
    <div class="faq-answer">
      {blocks.map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}><Inlines nodes={block.children} /></p>;
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i} start={block.start}>
            {block.items.map((item, j) => <li key={j}><Inlines nodes={item} /></li>)}
          </List>
        );
      })}
    </div>
  );
}
