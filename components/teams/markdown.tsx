import Markdown, { type Components } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { cn } from '@/components/ui/cn';

/*
 * Markdown written by people (a team's intro), rendered safely: GitHub-flavoured, raw HTML
 * stripped by rehype-sanitize. There is no typography plugin, so each element is styled
 * here. Headings move one level down: the page around the text owns the h1.
 */

const heading = 'font-semibold tracking-tight text-zinc-900 dark:text-zinc-100';

const components: Components = {
  h1: ({ node: _node, ...props }) => (
    <h2 className={cn(heading, 'mt-6 mb-3 text-xl first:mt-0')} {...props} />
  ),
  h2: ({ node: _node, ...props }) => (
    <h3 className={cn(heading, 'mt-6 mb-2 text-lg first:mt-0')} {...props} />
  ),
  h3: ({ node: _node, ...props }) => (
    <h4 className={cn(heading, 'mt-5 mb-2 text-base first:mt-0')} {...props} />
  ),
  h4: ({ node: _node, ...props }) => (
    <h5 className={cn(heading, 'mt-4 mb-2 text-sm first:mt-0')} {...props} />
  ),
  h5: ({ node: _node, ...props }) => (
    <h6 className={cn(heading, 'mt-4 mb-2 text-sm first:mt-0')} {...props} />
  ),
  h6: ({ node: _node, ...props }) => (
    <h6 className={cn(heading, 'mt-4 mb-2 text-sm text-zinc-600 first:mt-0')} {...props} />
  ),
  p: ({ node: _node, ...props }) => <p className="my-3 leading-relaxed first:mt-0" {...props} />,
  a: ({ node: _node, ...props }) => (
    <a
      className="font-medium text-brand-600 underline-offset-2 hover:underline dark:text-brand-500"
      rel="nofollow ugc noopener noreferrer"
      {...props}
    />
  ),
  ul: ({ node: _node, ...props }) => (
    <ul className="my-3 list-disc space-y-1 pl-6 first:mt-0" {...props} />
  ),
  ol: ({ node: _node, ...props }) => (
    <ol className="my-3 list-decimal space-y-1 pl-6 first:mt-0" {...props} />
  ),
  li: ({ node: _node, ...props }) => <li className="leading-relaxed" {...props} />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote
      className="my-3 border-l-4 border-zinc-200 pl-4 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400"
      {...props}
    />
  ),
  hr: ({ node: _node, ...props }) => (
    <hr className="my-6 border-zinc-200 dark:border-zinc-800" {...props} />
  ),
  pre: ({ node: _node, ...props }) => (
    <pre
      className="my-3 overflow-x-auto rounded-lg border border-zinc-200 bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-100 dark:border-zinc-800 [&_code]:bg-transparent [&_code]:p-0 [&_code]:text-inherit"
      {...props}
    />
  ),
  code: ({ node: _node, ...props }) => (
    <code
      className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200"
      {...props}
    />
  ),
  table: ({ node: _node, ...props }) => (
    <div className="my-3 overflow-x-auto">
      <table className="w-full border-collapse text-sm" {...props} />
    </div>
  ),
  th: ({ node: _node, ...props }) => (
    <th
      className="border border-zinc-200 bg-zinc-50 px-3 py-1.5 text-left font-medium dark:border-zinc-700 dark:bg-zinc-800/60"
      {...props}
    />
  ),
  td: ({ node: _node, ...props }) => (
    <td className="border border-zinc-200 px-3 py-1.5 dark:border-zinc-700" {...props} />
  ),
  img: ({ node: _node, alt, ...props }) => (
    // eslint-disable-next-line @next/next/no-img-element -- arbitrary external images in user text
    <img alt={alt ?? ''} className="my-3 h-auto max-w-full rounded-md" loading="lazy" {...props} />
  ),
  input: ({ node: _node, ...props }) => (
    <input className="mr-1.5 align-middle accent-brand-600" {...props} />
  ),
};

export function MarkdownText({ children, className }: { children: string; className?: string }) {
  return (
    <div className={cn('text-sm break-words text-zinc-800 dark:text-zinc-200', className)}>
      <Markdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize]}
        components={components}
      >
        {children}
      </Markdown>
    </div>
  );
}
