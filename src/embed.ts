// The script-tag build: the <script> element that loaded us carries the options.
import { installGlobal } from './global';

installGlobal(document.currentScript);
