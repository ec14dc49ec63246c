import './page.css';
import './app/desk-app.js';
