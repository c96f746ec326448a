// On every page: signing out also forgets the key this browser kept for signing.
import { forget } from './signing.js';

const signout = document.getElementById('signout-form');
if (signout) {
  signout.addEventListener('submit', event => {
    event.preventDefault();
    forget().finally(() => signout.submit());
  });
}
