// The lab panel: the catalogue with completion state, then the running lab: the current step's
// text (command blocks paste into the terminal), progressive hints, the solution behind a reveal,
// checkpoints that turn green live (Server-Sent Events from the host), score and progress, and
// the reset / reset-to-step / solve-to-here / fast-forward controls. Both languages.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabCatalogueView, LabRunView } from './lab-client';
import { labClient } from './lab-client';
import { parseMarkdown, type Inline } from './markdown';
import type { LabLanguage, LocalizedText } from '../../labs/runtime/lab-view';

export interface LabPanelProps {
  open: boolean;
  onToggle(): void;
  /** Puts a command into the active terminal (the student presses Enter). */
  onPaste?(text: string): void;
}

function useLang(): LabLanguage {
  const { i18n } = useTranslation();
  return i18n.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function loc(text: LocalizedText | undefined, lang: LabLanguage): string {
  return text ? (text[lang] ?? text.en) : '';
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((x, i) =>
        x.kind === 'code' ? <code key={i}>{x.text}</code> : x.kind === 'strong' ? <strong key={i}>{x.text}</strong> : x.kind === 'em' ? <em key={i}>{x.text}</em> : <span key={i}>{x.text}</span>,
      )}
    </>
  );
}

function Markdown({ text, onPaste, pasteLabel }: { text: string; onPaste?(s: string): void; pasteLabel: string }) {
  return (
    <div className="lab-text">
      {parseMarkdown(text).map((b, i) => {
        switch (b.kind) {
          case 'paragraph':
            return (
              <p key={i}>
                <Inlines inlines={b.inlines} />
              </p>
            );
          case 'heading':
            return (
              <h4 key={i}>
                <Inlines inlines={b.inlines} />
              </h4>
            );
          case 'list': {
            const items = b.items.map((it, j) => (
              <li key={j}>
                <Inlines inlines={it} />
              </li>
            ));
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'code':
            return b.commands.length ? (
              <div key={i} className="lab-commands">
                {b.commands.map((c, j) => (
                  <button key={j} className="lab-command" title={pasteLabel} onClick={() => onPaste?.(c)} data-testid="lab-command">
                    <code>{c}</code>
                  </button>
                ))}
              </div>
            ) : (
              <pre key={i}>
                <code>{b.text}</code>
              </pre>
            );
        }
      })}
    </div>
  );
}

function Catalogue({ catalogue, onStart, busy }: { catalogue: LabCatalogueView | undefined; onStart(id: string): void; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!catalogue) return null;
  return (
    <div className="lab-catalogue" data-testid="lab-catalogue">
      <h3>{t('labPanel.catalogue')}</h3>
      <ul>
        {catalogue.labs.map((l) => (
          <li key={l.id} data-lab={l.id} data-completed={l.completed}>
            <div className="lab-card-title">
              <strong>{loc(l.title, lang)}</strong>
              {l.completed ? <span className="lab-badge done">✓ {t('labPanel.completed')}</span> : l.bestScore > 0 ? <span className="lab-badge">{t('labPanel.best', { score: l.bestScore, max: l.maxScore })}</span> : null}
            </div>
            <p className="muted">{loc(l.summary, lang)}</p>
            <p className="muted">
              {t('labPanel.steps', { count: l.steps })}
              {l.timeLimitMinutes ? ` · ${t('labPanel.minutes', { count: l.timeLimitMinutes })}` : ''}
            </p>
            <button disabled={busy} onClick={() => onStart(l.id)}>
              {l.bestScore > 0 ? t('labPanel.restart') : t('labPanel.start')}
            </button>
          </li>
        ))}
        {catalogue.broken.map((b) => (
          <li key={b.id} className="lab-broken" data-lab={b.id} data-broken="true">
            <strong>{b.id}</strong> — {t('labPanel.broken')}
            <pre>{b.error}</pre>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RunningLab({ view, act, onPaste }: { view: LabRunView; act(fn: () => Promise<unknown>): void; onPaste?(s: string): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [revealed, setRevealed] = useState<string | undefined>();
  const steps = view.lab.steps;
  const idx = Math.max(0, steps.findIndex((s) => s.id === view.run.step));
  const step = steps[idx];
  const cps = view.checkpoints.filter((c) => c.step === step.id);
  const busy = !!view.busy;
  const pct = view.maxScore ? Math.round((100 * view.score) / view.maxScore) : 0;
  const minutesLeft = view.run.deadline ? Math.max(0, Math.ceil((view.run.deadline - view.clock.now) / 60_000)) : undefined;
  const ffSteps = [60, 300, view.clock.maxSeconds].filter((s, i, a) => s > 0 && s <= view.clock.maxSeconds && a.indexOf(s) === i);
  return (
    <div className="lab-run" data-testid="lab-run" data-lab={view.lab.id}>
      <header className="lab-run-header">
        <h3>{loc(view.lab.title, lang)}</h3>
        <div className="lab-progress" role="progressbar" aria-valuemin={0} aria-valuemax={view.maxScore} aria-valuenow={view.score}>
          <div className="lab-progress-bar" style={{ width: `${pct}%` }} />
        </div>
        <p className="lab-score" data-testid="lab-score">
          {t('labPanel.score', { score: view.score, max: view.maxScore })}
          {minutesLeft !== undefined ? ` · ${view.run.timeUp ? t('labPanel.timeUp') : t('labPanel.timeLeft', { minutes: minutesLeft })}` : ''}
        </p>
        {view.busy ? <p className="lab-busy">{t(`labPanel.busy.${view.busy}`, { defaultValue: view.busy })}</p> : null}
        {view.error ? <p className="lab-error">{t('labPanel.error', { message: view.error })}</p> : null}
      </header>
      <nav className="lab-steps">
        <button disabled={idx === 0 || busy} onClick={() => act(() => labClient.setStep(steps[idx - 1].id))} aria-label={t('labPanel.prev')}>
          ‹
        </button>
        <span>{t('labPanel.step', { n: idx + 1, total: steps.length })}</span>
        <button disabled={idx === steps.length - 1 || busy} onClick={() => act(() => labClient.setStep(steps[idx + 1].id))} aria-label={t('labPanel.next')}>
          ›
        </button>
      </nav>
      <section className="lab-step" data-step={step.id}>
        <h4>{loc(step.title, lang)}</h4>
        <Markdown text={loc(step.text, lang)} onPaste={onPaste} pasteLabel={t('labPanel.paste')} />
      </section>
      <section className="lab-checkpoints">
        <h4>{t('labPanel.checkpoints')}</h4>
        <ul>
          {cps.map((c) => (
            <li key={c.id} className={c.passed ? 'passed' : 'open'} data-checkpoint={c.id} data-passed={c.passed}>
              <span className="lab-check-mark" aria-label={c.passed ? t('labPanel.passed') : t('labPanel.open')}>
                {c.passed ? '●' : '○'}
              </span>{' '}
              {loc(c.title, lang)} <span className="muted">({c.points})</span>
              {c.passed && c.message ? <p className="lab-message">{loc(c.message, lang)}</p> : null}
              {!c.passed && c.waitingFor.length ? <p className="muted">{t('labPanel.waiting', { ids: c.waitingFor.join(', ') })}</p> : null}
              {!c.passed ? c.hints.map((h, i) => <p key={i} className="lab-hint">{loc(h, lang)}</p>) : null}
            </li>
          ))}
        </ul>
      </section>
      <section className="lab-hints">
        <h4>{t('labPanel.hints')}</h4>
        {step.hints.slice(0, view.run.hintsShown).map((h, i) => (
          <Markdown key={i} text={loc(h, lang)} onPaste={onPaste} pasteLabel={t('labPanel.paste')} />
        ))}
        {view.run.hintsShown < step.hints.length ? (
          <button disabled={busy} onClick={() => act(() => labClient.hint())}>
            {t('labPanel.showHint')}
          </button>
        ) : step.hints.length ? (
          <p className="muted">{t('labPanel.noMoreHints')}</p>
        ) : null}
      </section>
      {step.solution.length ? (
        <section className="lab-solution">
          <h4>{t('labPanel.solution')}</h4>
          {revealed === step.id ? (
            <div className="lab-commands">
              {step.solution.map((c, j) => (
                <button key={j} className="lab-command" title={t('labPanel.paste')} onClick={() => onPaste?.(c)}>
                  <code>{c}</code>
                </button>
              ))}
            </div>
          ) : (
            <button onClick={() => setRevealed(step.id)}>{t('labPanel.revealSolution')}</button>
          )}
        </section>
      ) : null}
      <footer className="lab-actions">
        <button disabled={busy} onClick={() => act(() => labClient.solveTo(step.id))}>
          {t('labPanel.solveHere')}
        </button>
        <button disabled={busy} onClick={() => act(() => labClient.resetToStep(step.id))}>
          {t('labPanel.resetToStep')}
        </button>
        <button
          disabled={busy}
          onClick={() => {
            if (window.confirm(t('labPanel.confirmReset'))) act(() => labClient.reset());
          }}
        >
          {t('labPanel.reset')}
        </button>
        {view.clock.canAdvance ? (
          <span className="lab-ff" title={t('labPanel.fastForward')}>
            ⏩{' '}
            {ffSteps.map((s) => (
              <button key={s} disabled={busy} onClick={() => act(() => labClient.fastForward(s))}>
                {t('labPanel.seconds', { count: s })}
              </button>
            ))}
          </span>
        ) : null}
        <button disabled={busy} onClick={() => act(() => labClient.stop())}>
          {t('labPanel.stop')}
        </button>
      </footer>
    </div>
  );
}

export function LabPanel({ open, onToggle, onPaste }: LabPanelProps): ReactNode {
  const { t } = useTranslation();
  const [catalogue, setCatalogue] = useState<LabCatalogueView>();
  const [view, setView] = useState<LabRunView | null>(null);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const refreshCatalogue = useCallback(() => {
    labClient.catalogue().then(setCatalogue, (e: Error) => setError(e.message));
  }, []);

  useEffect(() => {
    if (!open) return;
    refreshCatalogue();
    return labClient.subscribe((v) => setView(v));
  }, [open, refreshCatalogue]);

  const act = useCallback(
    (fn: () => Promise<unknown>) => {
      setError(undefined);
      setPending(true);
      fn()
        .catch((e: Error) => setError(e.message))
        .finally(() => {
          setPending(false);
          refreshCatalogue();
        });
    },
    [refreshCatalogue],
  );

  if (!open) {
    return (
      <aside className="lab-rail" data-testid="lab-panel" data-open="false">
        <button className="rail-button" onClick={onToggle} title={t('labPanel.show')}>
          {t('labPanel.title')}
        </button>
      </aside>
    );
  }
  return (
    <aside className="lab-panel" data-testid="lab-panel" data-open="true">
      <header>
        <h2>{t('labPanel.title')}</h2>
        {view ? (
          <button disabled={pending || !!view.busy} onClick={() => act(() => labClient.stop())}>
            {t('labPanel.back')}
          </button>
        ) : null}
        <button onClick={onToggle} title={t('labPanel.hide')} aria-label={t('labPanel.hide')}>
          ‹
        </button>
      </header>
      {error ? <p className="lab-error">{t('labPanel.error', { message: error })}</p> : null}
      {view ? <RunningLab view={view} act={act} onPaste={onPaste} /> : <Catalogue catalogue={catalogue} busy={pending} onStart={(id) => act(() => labClient.start(id))} />}
    </aside>
  );
}
