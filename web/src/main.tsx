import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

// Path routing: /ledger is the officials' ledger, loaded on demand; everything else the map.
const LedgerApp = lazy(() => import('./ledger/LedgerApp.tsx'));
const onLedger = /^\/ledger\/?$/.test(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {onLedger ? (
      <Suspense fallback={null}>
        <LedgerApp />
      </Suspense>
    ) : (
      <App />
    )}
  </StrictMode>,
);
