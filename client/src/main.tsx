// First: configures zod before any schema parses (see zodConfig.ts).
import './zodConfig.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
// Order matters: page-specific sheets refine the base.
import './styles.css';
import './styles/meeting.css';
import './styles/projector.css';
import './styles/days.css';
import './styles/afterwards.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
