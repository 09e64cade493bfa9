// Prints what an editor strikes through in one file, as the TypeScript language service reports
// it (its deprecation suggestions): one `line: text` a line.
//
//   node deprecations.mjs <typescript module folder> <tsconfig.json> <file.ts>
import { createRequire } from "node:module";
import path from "node:path";

const [typescriptFolder, configFile, checked] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(path.resolve(typescriptFolder));
const file = path.resolve(checked);
const config = ts.getParsedCommandLineOfConfigFile(
  path.resolve(configFile),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(
        ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
      );
    },
  },
);
const service = ts.createLanguageService({
  getScriptFileNames: () => [file],
  getScriptVersion: () => "1",
  getScriptSnapshot: (name) =>
    ts.sys.fileExists(name)
      ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name) ?? "")
      : undefined,
  getCurrentDirectory: () => process.cwd(),
  getCompilationSettings: () => config.options,
  getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
});
for (const diagnostic of service.getSuggestionDiagnostics(file)) {
  if (
    diagnostic.reportsDeprecated &&
    diagnostic.file !== undefined &&
    diagnostic.start !== undefined
  ) {
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(
      diagnostic.start,
    );
    const text = diagnostic.file.text.slice(
      diagnostic.start,
      diagnostic.start + (diagnostic.length ?? 0),
    );
    console.log(`${line + 1}: ${text}`);
  }
}
