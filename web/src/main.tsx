import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { nameIconsInPageLanguage } from './i18n/iconNames';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
nameIconsInPageLanguage();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
