// The window's entry: the API client, then the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'react-data-grid/lib/styles.css';
import './styles.css';
import { createApiClient } from './api/client.ts';
import { App } from './app/App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createApiClient()} />
  </StrictMode>,
);
