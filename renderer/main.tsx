import '@fontsource/barlow-condensed/600.css';
import '@fontsource/barlow-condensed/700.css';
import '@fontsource/barlow/500.css';
import '../overlays/styles/output.css';
import './styles/console.css';
import { createRoot } from 'react-dom/client';
import { connectBridge } from '../overlays/transport';
import { createConsoleStore } from './store';
import { App } from './App';

const store = createConsoleStore(connectBridge('console'));
createRoot(document.getElementById('root')!).render(<App store={store} />);
