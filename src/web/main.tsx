import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@utrecht/component-library-css/dist/index.css';
import './theme.css';

function App() {
  return (
    <main className="utrecht-page-content">
      <h1 className="utrecht-heading-1">Mantelkring</h1>
      <p className="utrecht-paragraph">Samen zorgen met mantelzorgers.</p>
    </main>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
