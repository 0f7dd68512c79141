import type { ListProblem } from '@/utils/bulk/parse-list';

export interface BulkProblemsProps {
  problems: readonly ListProblem[];
  ignoredColumns: readonly string[];
}

/** The lines that are not checked or sent, each with its number and why; and the columns the page didn't use. */
export function BulkProblems({ problems, ignoredColumns }: BulkProblemsProps) {
  if (problems.length === 0 && ignoredColumns.length === 0) return null;
  return (
    <section class="notice notice-warn bulk-problems" aria-labelledby="bulk-problems-title" data-testid="bulk-problems">
      <h2 id="bulk-problems-title" class="bulk-heading">
        {problems.length === 1 ? '1 line not used' : `${problems.length} lines not used`}
      </h2>
      {problems.length > 0 && (
        <>
          <p>These lines are not checked and nothing is issued for them. Correct them in the list, then check it again.</p>
          <ul class="bulk-problem-list">
            {problems.map((problem) => (
              <li key={problem.line}>
                <span class="bulk-line">Line {problem.line}</span>
                {problem.text.trim() && (
                  <>
                    {' '}
                    <code class="bulk-line-text">{problem.text}</code>
                  </>
                )}
                : {problem.why}
              </li>
            ))}
          </ul>
        </>
      )}
      {ignoredColumns.length > 0 && <p class="hint">Columns not used: {ignoredColumns.join(', ')}.</p>}
    </section>
  );
}
