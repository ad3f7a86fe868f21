// The script-tag build: the <script> element that loaded us carries the options.
import { installGlobal } from './loader/global';

installGlobal(document.currentScript);
