import { mount } from 'svelte';
import './styles/fonts.css';
import './styles/global.css';
import './styles/entries.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app element');

export default mount(App, { target });
