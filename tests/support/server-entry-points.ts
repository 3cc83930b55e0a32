import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** A way into the server from outside: a server action, or a route handler's HTTP method. */
export interface ServerEntryPoint {
  kind: "action" | "route";
  /** The file, relative to the project root, with forward slashes. */
  file: string;
  exportName: string;
}

const SOURCE = /\.(ts|tsx)$/;
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Every server action (each export of a file whose first statement is "use server", and each
 * function with that directive of its own) and every route handler method under the app's
 * source folders, read from the code itself.
 */
export function listServerEntryPoints(root: string, folders = ["app", "components", "lib"]): ServerEntryPoint[] {
  const found: ServerEntryPoint[] = [];
  for (const folder of folders) {
    for (const file of sourceFiles(path.join(root, folder))) {
      const relative = path.relative(root, file).split(path.sep).join("/");
      const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
      const exports = exportedNames(source);
      if (hasUseServer(source.statements)) found.push(...exports.map((exportName) => ({ kind: "action" as const, file: relative, exportName })));
      else if (path.basename(file) === "route.ts") {
        found.push(...exports.filter((name) => HTTP_METHODS.has(name)).map((exportName) => ({ kind: "route" as const, file: relative, exportName })));
      }
      found.push(...inlineActions(source).map((exportName) => ({ kind: "action" as const, file: relative, exportName })));
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${path.sep}generated${path.sep}`));
}

function hasUseServer(statements: ts.NodeArray<ts.Statement>): boolean {
  const first = statements[0];
  return first !== undefined && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);

/** The names a module exports as values (types and interfaces left out). */
function exportedNames(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) names.push(statement.name.text);
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name.text));
    }
  }
  return names;
}

/** Functions with a "use server" directive of their own, inside components or other modules. */
function inlineActions(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && ts.isBlock(node.body) && hasUseServer(node.body.statements)) {
      names.push(`${node.name && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)"}@${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return names;
}
