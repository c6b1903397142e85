// Questions at the terminal, the answer hidden for passwords (nothing echoed, not even stars).
import readline from "node:readline";

type MutableInterface = readline.Interface & { _writeToOutput: (text: string) => void };

export function ask(question: string, { hidden = false } = {}): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true }) as MutableInterface;
  let muted = false;
  const write = rl._writeToOutput.bind(rl);
  // Once the question is shown, the typed characters are not echoed.
  rl._writeToOutput = (text) => {
    if (!muted) write(text);
  };
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stdout.write("\n");
      resolve(answer);
    });
    muted = hidden;
  });
}

/** All of standard input (for --password-stdin: `printf '%s\n' "$PASS" | npm run create-admin -- --password-stdin`). */
export async function readStdin(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text;
}
