import { i18n } from '#i18n';
import type { ListProblem } from '@/utils/bulk/parse-list';
import { fillParts } from '@/utils/i18n/parts';
import { formatList } from '@/utils/ui/locale-format';

export interface BulkProblemsProps {
  problems: readonly ListProblem[];
  ignoredColumns: readonly string[];
}

const ITEM = i18n.t('bulk.problems.item', { line: '{line}', text: '{text}', why: '{why}' });
const ITEM_NO_TEXT = i18n.t('bulk.problems.itemNoText', { line: '{line}', why: '{why}' });

/** "Line 4 `the line`: why": the number and the line's text marked up, wherever the language puts them. */
function problemParts(problem: ListProblem) {
  const line = <span class="bulk-line">{i18n.t('bulk.problems.lineNumber', { line: problem.line })}</span>;
  if (!problem.text.trim()) return fillParts(ITEM_NO_TEXT, { line, why: problem.why });
  const text = <code class="bulk-line-text">{problem.text}</code>;
  return fillParts(ITEM, { line, text, why: problem.why });
}

/** The lines that are not checked or sent, each with its number and why; and the columns the page didn't use. */
export function BulkProblems({ problems, ignoredColumns }: BulkProblemsProps) {
  if (problems.length === 0 && ignoredColumns.length === 0) return null;
  return (
    <section class="notice notice-warn bulk-problems" aria-labelledby="bulk-problems-title" data-testid="bulk-problems">
      <h2 id="bulk-problems-title" class="bulk-heading">
        {i18n.t('bulk.problems.heading', problems.length)}
      </h2>
      {problems.length > 0 && (
        <>
          <p>{i18n.t('bulk.problems.intro')}</p>
          <ul class="bulk-problem-list">
            {problems.map((problem) => (
              <li key={problem.line}>{problemParts(problem)}</li>
            ))}
          </ul>
        </>
      )}
      {ignoredColumns.length > 0 && (
        <p class="hint">{i18n.t('bulk.problems.ignored', { columns: formatList(ignoredColumns) })}</p>
      )}
    </section>
  );
}
