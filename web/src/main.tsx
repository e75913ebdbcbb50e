// First, so that the rules beside each component come after the shared ones (styles.css).
import './styles.css';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

// Path routing: /ledger is the officials' ledger and /publications the planners' publications,
// both loaded on demand; everything else the map.
const LedgerApp = lazy(() => import('./ledger/LedgerApp.tsx'));
const PublicationsApp = lazy(() => import('./publish/PublicationsPage.tsx'));
const path = window.location.pathname;
const onLedger = /^\/ledger\/?$/.test(path);
const onPublications = /^\/publications\/?$/.test(path);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {onLedger || onPublications ? <Suspense fallback={null}>{onLedger ? <LedgerApp /> : <PublicationsApp />}</Suspense> : <App />}
  </StrictMode>,
);
