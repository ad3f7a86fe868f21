/**
 * `faq-widget <command>`: the package's command (package.json "bin"). Each command is a module
 * exporting `main(args): Promise<number>` (the exit code), loaded only when it is asked for, so
 * one command's dependencies never slow another down. A new command is one row in COMMANDS.
 */

interface Command {
  /** One line for `faq-widget --help`. */
  summary: string;
  load: () => Promise<{ main: (args: string[]) => Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  check: { summary: 'check content files, or the data-content template, for mistakes before you deploy', load: () => import('./check') },
  preview: { summary: 'show your content in the widget beside the findings, updated on save', load: () => import('./preview') },
  build: { summary: 'write lv.json and en.json from a folder of Markdown files or a CSV spreadsheet', load: () => import('./build') },
};

const version = typeof __VERSION__ === 'string' ? __VERSION__ : 'development';

export const USAGE = `Usage: faq-widget <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(9)} ${summary}`)
  .join('\n')}

Run "faq-widget <command> --help" for a command's options and exit codes.
  -h, --help     show this help
  -v, --version  show the version (${version})
`;

type Io = { out: (text: string) => void; err: (text: string) => void };
const processIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** Runs the command `args` name; resolves to the exit code (2 for a usage mistake). */
export async function run(args: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    (name ? io.out : io.err)(USAGE);
    return name ? 0 : 2;
  }
  if (name === '-v' || name === '--version') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.err(`faq-widget: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "faq-widget --help".\n`);
    return 2;
  }
  return (await command.load()).main(rest);
}

// Run when this file is the program (node dist/cli/faq-widget.js, tsx src/cli/faq-widget.ts), not when a test imports it.
const entry = process.argv[1]?.replace(/\\/g, '/') ?? '';
if (/\/faq-widget(\.(ts|js|mjs))?$/.test(entry) || /\/\.bin\/faq-widget$/.test(entry)) {
  run(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`faq-widget: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
