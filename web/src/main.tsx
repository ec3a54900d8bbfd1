import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './app/app.css';
import { App } from './app/App.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
