/**
 * The upload dialog: choose a file and what it holds → upload and preview (format, encoding, CRS,
 * first rows and their problems) → import with progress from server-sent events → the row-level
 * report, downloadable as CSV. Nothing is written before "Import", and a failed import changes nothing.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ZONE_KINDS } from '../../../server/domain/zone.ts';
import { useI18n } from '../i18n/i18n.tsx';
import {
  type CommitOutcome,
  commitImport,
  discardUpload,
  type ImportTarget,
  previewAgain,
  type ReadChoices,
  type UploadPreview,
  uploadFile,
} from './import-api.ts';
import { IMPORT_MESSAGES } from './messages.ts';
import { PreviewView } from './PreviewView.tsx';
import { type ReadChoice, ReadChoiceFields, readChoices } from './ReadChoiceFields.tsx';
import { ResultView } from './ResultView.tsx';
import './import-dialog.css';

const ACCEPTED = '.csv,.txt,.tsv,.xlsx,.geojson,.json,.zip,.parquet,.geoparquet,.kml,.kmz';

type Step =
  | { kind: 'choose'; error: string | null }
  | { kind: 'busy' }
  | { kind: 'preview'; preview: UploadPreview; error: string | null }
  | { kind: 'importing'; preview: UploadPreview; rows: number; rate: number; screening?: boolean }
  | ({ kind: 'result'; preview: UploadPreview } & CommitOutcome);

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { lang, t: common } = useI18n();
  const t = IMPORT_MESSAGES[lang];
  const [step, setStep] = useState<Step>({ kind: 'choose', error: null });
  const [target, setTarget] = useState<ImportTarget>('enterprises');
  const [kind, setKind] = useState<string>('nature_reserve');
  const [file, setFile] = useState<File | null>(null);
  const [choice, setChoice] = useState<ReadChoice>({ crs: '', crsOther: '', encoding: '' });
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [replace, setReplace] = useState(false);
  const choices = (): ReadChoices => readChoices(choice);
  const pending = step.kind === 'preview' ? step.preview.id : null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && step.kind !== 'importing' && step.kind !== 'busy') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  function close() {
    if (pending) discardUpload(pending).catch(() => undefined);
    onClose();
  }

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (file) await send(file);
  }

  async function send(chosen: File) {
    setStep({ kind: 'busy' });
    try {
      setStep({
        kind: 'preview',
        preview: await uploadFile(chosen, target, target === 'zones' ? kind : undefined, choices()),
        error: null,
      });
    } catch (error) {
      setStep({ kind: 'choose', error: (error as Error).message });
    }
  }

  // "Choose again" opens the file picker at once (inside the click, as browsers require); the upload
  // held for the current preview is let go only once another file is chosen, so cancelling the
  // picker leaves the dialog where it was.
  const picker = useRef<HTMLInputElement>(null);
  function chooseAgain() {
    if (!picker.current) return;
    picker.current.value = '';
    picker.current.click();
  }
  function chosenAgain(chosen: File | undefined) {
    if (!chosen) return;
    const held = step.kind === 'preview' || step.kind === 'result' ? step.preview.id : null;
    if (held) discardUpload(held).catch(() => undefined);
    setFile(chosen);
    void send(chosen);
  }

  async function reread(preview: UploadPreview) {
    setStep({ kind: 'busy' });
    try {
      setStep({ kind: 'preview', preview: await previewAgain(preview.id, choices()), error: null });
    } catch (error) {
      setStep({ kind: 'preview', preview, error: (error as Error).message });
    }
  }

  async function run(preview: UploadPreview) {
    setStep({ kind: 'importing', preview, rows: 0, rate: 0 });
    try {
      const outcome = await commitImport(
        preview.id,
        { ...choices(), skip_invalid: skipInvalid, replace },
        (rows, rate) => setStep({ kind: 'importing', preview, rows, rate }),
        () => setStep((s) => (s.kind === 'importing' ? { ...s, screening: true } : s)),
      );
      setStep({ kind: 'result', preview, ...outcome });
    } catch (error) {
      setStep({ kind: 'result', preview, ok: false, message: (error as Error).message, report: null });
    }
  }

  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  return (
    <div className="import-backdrop">
      <div className="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
        <header>
          <div>
            <h2 id="import-title">{t.title}</h2>
            <p>{t.subtitle}</p>
          </div>
          <button
            type="button"
            className="import-x"
            onClick={close}
            data-testid="import-close"
            aria-label={t.close}
            disabled={step.kind === 'importing'}
          >
            ×
          </button>
        </header>

        {(step.kind === 'choose' || step.kind === 'preview') && (
          <form className="import-form" onSubmit={step.kind === 'choose' ? upload : (e) => e.preventDefault()}>
            <label>
              {t.layer}
              <select
                value={target}
                onChange={(e) => setTarget(e.target.value as ImportTarget)}
                disabled={step.kind === 'preview'}
                data-testid="import-layer"
              >
                {(['enterprises', 'zones', 'indicators'] as const).map((l) => (
                  <option key={l} value={l}>
                    {t.layers[l]}
                  </option>
                ))}
              </select>
            </label>
            {target === 'zones' && (
              <label>
                {t.kind}
                <select value={kind} onChange={(e) => setKind(e.target.value)} disabled={step.kind === 'preview'} data-testid="import-kind">
                  {ZONE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {common.zoneKinds[k]}
                    </option>
                  ))}
                  <option value="region">{t.region}</option>
                </select>
              </label>
            )}
            {step.kind === 'choose' && (
              <label>
                {t.file}
                <input type="file" accept={ACCEPTED} onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="import-file" />
                <small>{t.fileHint}</small>
              </label>
            )}
            <ReadChoiceFields choice={choice} onChange={setChoice} t={t} />
            {step.kind === 'choose' && (
              <div className="import-actions">
                <button type="submit" className="primary" disabled={!file} data-testid="import-upload">
                  {t.upload}
                </button>
              </div>
            )}
            {step.kind === 'preview' && (
              <div className="import-actions">
                <button type="button" onClick={() => reread(step.preview)} data-testid="import-reread">
                  {t.preview}
                </button>
              </div>
            )}
            {step.kind === 'choose' && step.error && (
              <p className="import-error" role="alert">
                {step.error}
              </p>
            )}
          </form>
        )}

        {step.kind === 'busy' && <p className="import-note">{t.uploading}</p>}

        {step.kind === 'preview' && (
          <>
            {step.error && (
              <p className="import-error" role="alert">
                {step.error}
              </p>
            )}
            <PreviewView preview={step.preview} t={t} lang={lang} />
            <div className="import-options">
              <label>
                <input
                  type="checkbox"
                  checked={skipInvalid}
                  onChange={(e) => setSkipInvalid(e.target.checked)}
                  data-testid="import-skip-invalid"
                />
                {t.skipInvalid}
              </label>
              <label>
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
                {t.replace}
              </label>
            </div>
            <div className="import-actions">
              <button type="button" onClick={chooseAgain} data-testid="import-choose-again">
                {t.back}
              </button>
              <button type="button" className="primary" onClick={() => run(step.preview)} data-testid="import-commit">
                {t.commit}
              </button>
            </div>
          </>
        )}

        {step.kind === 'importing' && (
          <div className="import-progress" data-testid="import-progress">
            <p>{t.importing}</p>
            <div
              className="import-bar"
              role="progressbar"
              aria-valuetext={t.rowsRead(step.rows.toLocaleString(locale), step.rate.toLocaleString(locale))}
            >
              <div />
            </div>
            <p>{t.rowsRead(step.rows.toLocaleString(locale), step.rate.toLocaleString(locale))}</p>
            {step.screening && <p data-testid="import-screening">{t.screening}</p>}
          </div>
        )}

        {step.kind === 'result' && (
          <ResultView
            outcome={step}
            file={step.preview.file}
            t={t}
            lang={lang}
            onBack={() => setStep({ kind: 'preview', preview: step.preview, error: null })}
            onChooseAgain={chooseAgain}
            onClose={close}
          />
        )}
        <input
          ref={picker}
          type="file"
          hidden
          accept={ACCEPTED}
          onChange={(e) => chosenAgain(e.target.files?.[0])}
          data-testid="import-file-again"
        />
      </div>
    </div>
  );
}
