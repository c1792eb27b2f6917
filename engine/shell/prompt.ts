// PS1/PS2 escapes as bash expands them: \u \h \H \w \W \$ \n \t \T \@ \A \d \s \v \V \j \! \# \[ \] \e \a \\.
import { strftime } from './commands/date';

export interface PromptContext {
  user: string;
  uid: number;
  hostname: string;
  cwd: string;
  home: string;
  now: number;
  historyNumber: number;
  commandNumber: number;
  jobs: number;
}

export function expandPrompt(ps: string, c: PromptContext): string {
  let out = '';
  for (let i = 0; i < ps.length; i++) {
    const ch = ps[i];
    if (ch !== '\\' || i + 1 >= ps.length) {
      out += ch;
      continue;
    }
    const e = ps[++i];
    switch (e) {
      case 'u': out += c.user; break;
      case 'h': out += c.hostname.split('.')[0]; break;
      case 'H': out += c.hostname; break;
      case 'w': out += tildePath(c.cwd, c.home); break;
      case 'W': out += c.cwd === c.home ? '~' : c.cwd === '/' ? '/' : c.cwd.slice(c.cwd.lastIndexOf('/') + 1); break;
      case '$': out += c.uid === 0 ? '#' : '$'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += strftime('%H:%M:%S', c.now); break;
      case 'T': out += strftime('%I:%M:%S', c.now); break;
      case '@': out += strftime('%I:%M %p', c.now); break;
      case 'A': out += strftime('%H:%M', c.now); break;
      case 'd': out += strftime('%a %b %d', c.now); break;
      case 's': out += 'bash'; break;
      case 'v': out += '4.2'; break;
      case 'V': out += '4.2.46'; break;
      case 'j': out += String(c.jobs); break;
      case '!': out += String(c.historyNumber); break;
      case '#': out += String(c.commandNumber); break;
      case '[':
      case ']': break; // non-printing markers: the editor measures without ANSI sequences anyway
      case 'e': out += '\x1b'; break;
      case 'a': out += '\x07'; break;
      case '\\': out += '\\'; break;
      default: {
        const oct = /^[0-7]{3}/.exec(ps.slice(i));
        if (oct) {
          out += String.fromCharCode(parseInt(oct[0], 8));
          i += 2;
        } else out += '\\' + e;
      }
    }
  }
  return out;
}

function tildePath(cwd: string, home: string): string {
  if (cwd === home) return '~';
  if (home !== '/' && cwd.startsWith(home + '/')) return '~' + cwd.slice(home.length);
  return cwd;
}
