import type { Block, Inline } from '../core/markup';
import { articleLinkId } from '../core/markup';
import { useWidget } from './context';

export interface AnswerProps {
  blocks: Block[];
}

const isExternal = (href: string) => /^https?:/i.test(href);

function Inlines({ nodes }: { nodes: Inline[] }) {
  const { controller, t } = useWidget();
  return (
    <>
      {nodes.map((node, i) => {
        if (node.type === 'text') return node.text;
        if (node.type === 'strong') return <strong key={i}><Inlines nodes={node.children} /></strong>;
        const articleId = articleLinkId(node.href);
        if (articleId) {
          const open = (event: MouseEvent) => {
            event.preventDefault();
            controller.actions.openArticle(articleId);
          };
          return <a key={i} href={node.href} onClick={open}><Inlines nodes={node.children} /></a>;
        }
        return isExternal(node.href) ? (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            <Inlines nodes={node.children} />
            <span class="faq-sr"> {t('newTab')}</span>
          </a>
        ) : (
          <a key={i} href={node.href}><Inlines nodes={node.children} /></a>
        );
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
          <List key={i}>
            {block.items.map((item, j) => <li key={j}><Inlines nodes={item} /></li>)}
          </List>
        );
      })}
    </div>
  );
}
